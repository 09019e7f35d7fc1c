/**
 * Reference data the search reads at start: the condition vocabulary ({@code search/conditions.tsv}), a
 * curated hierarchy of conditions with Danish and English names, lay synonyms and ICD-10/SKS, MeSH and
 * SNOMED CT codes, which expands each condition of a trial into its concepts, their ancestors and the words
 * patients use for them (and the top-level concepts are the condition areas of the search facet); and the
 * postal code centroids ({@code search/postal-codes.tsv}), which place a Danish postal code on the map for
 * distance search; and the place names people write ({@link PlaceNames}: the post towns and
 * {@code search/place-names.tsv}). A query's text is read into concepts with {@link ConditionReading}. Offered to every module that names conditions or places. Plain Java, no Spring and no FHIR types; all files are the project's own curated lists.
 */
@NamedInterface("vocabulary")
package dk.trialport.search.vocabulary;

import org.springframework.modulith.NamedInterface;
