/**
 * Demo data, for development and benchmarks only: the demo catalogue (trials at real Danish hospitals in all five
 * regions, generated from a seed and written through the FHIR transaction path a hospital uses), the demo
 * volunteer registry (interest profiles from the same seed, stored as anyone's), the demo trial teams, and the
 * projections the search benchmark bulk-loads. Nothing outside this module uses it (an ArchUnit rule says so),
 * and it is off in the {@code prod} profile ({@code trialport.demo.enabled}).
 */
package dk.trialport.demo;
