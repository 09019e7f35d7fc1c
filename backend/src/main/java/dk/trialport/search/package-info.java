/**
 * Search: the derived Elasticsearch index of trials and the queries over it. The indexer feeds the
 * index from the catalogue's outbox (and waits out an unreachable Elasticsearch); a reindex rebuilds it
 * from PostgreSQL behind an alias. Conditions are expanded with the condition vocabulary (hierarchy and
 * Danish/English lay names) when indexed; places come from postal code centroids. The public JSON API
 * ({@code /api/v1/trials}), the portal and FHIR ResearchStudy search use {@link dk.trialport.search.TrialSearch};
 * the JSON API and the portal first let {@link dk.trialport.search.QueryUnderstanding} read filters out of the free
 * text, and the portal asks {@link dk.trialport.search.SearchAlternatives} what to offer when nothing is found.
 */
package dk.trialport.search;
