package dk.trialport.search;

/** A search request that cannot be answered as asked: which parameter, and why. */
public class InvalidSearch extends RuntimeException {

  private final String parameter;

  public InvalidSearch(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }
}
