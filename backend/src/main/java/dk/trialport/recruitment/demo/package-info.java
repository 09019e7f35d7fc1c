/**
 * The demo volunteer registry: interest profiles of invented people across every disease area, region and
 * age, generated from a seed beside the demo catalogue ({@code trialport.demo.*}, off in production), so
 * matching, feasibility counts and the inbox have people to work on. The same generator makes the million
 * profiles of the matching benchmark.
 */
package dk.trialport.recruitment.demo;
