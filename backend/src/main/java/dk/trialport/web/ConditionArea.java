package dk.trialport.web;

import java.util.List;

/**
 * A disease area linked from the front page; {@code code} is the search filter value. Public so
 * that templates can read it.
 */
public record ConditionArea(String code) {

  static final List<ConditionArea> POPULAR = List.of(
      new ConditionArea("cancer"),
      new ConditionArea("diabetes"),
      new ConditionArea("cardiovascular"),
      new ConditionArea("arthritis"),
      new ConditionArea("psychiatry"),
      new ConditionArea("lung"),
      new ConditionArea("neurology"),
      new ConditionArea("rare-diseases"));

  /** The key of the area's name in the message bundles. */
  public String messageKey() {
    return "condition." + code;
  }
}
