/**
 * An Elasticsearch stable analysis plugin for Trialport's catalogue search.
 *
 * <p>The embedded node is the {@code integ-test-zip} distribution, which has no
 * {@code analysis-common} module: no language analyzers, no ASCII folding, no stemmers. Its
 * {@code lib/} does carry Lucene's analysis classes, so this plugin only wires them up as named
 * components (by {@code @NamedComponent} and {@code named_components.json}, both of which must
 * agree) that index settings use by name:
 *
 * <ul>
 *   <li>token filters {@code trialport_lowercase}, {@code trialport_fold} (æ→ae, ø→oe, å→aa, then
 *       ASCII folding), {@code trialport_danish_stop}, {@code trialport_english_stop},
 *       {@code trialport_danish_stem} (Snowball), {@code trialport_english_stem} (possessive +
 *       Porter);
 *   <li>analyzers {@code trialport_danish}, {@code trialport_english} and {@code trialport_folded},
 *       the same chains as {@link dk.trialport.infra.analysis.Chains} ready-made
 *       (lowercase → stop → fold → stem).
 * </ul>
 *
 * <p>The jar holds only these classes; the plugin API and Lucene are the node's own. The two
 * descriptor files the node reads from the plugin directory travel inside the jar under
 * {@code META-INF/elasticsearch-plugin/}; the embedded platform lays them out beside it.
 */
package dk.trialport.infra.analysis;
