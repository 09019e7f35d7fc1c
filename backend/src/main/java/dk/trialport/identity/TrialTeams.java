package dk.trialport.identity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Trial teams: organizations (hospital departments), the people assigned to them, and which team runs
 * which trial. The one place that answers "may this caller act for this trial?".
 */
@Repository
public class TrialTeams {

    /** A hospital department with a trial team. */
    public record Organization(String id, String name) {}

    /** A person an administrator assigned to an organization. */
    public record Member(
            String organizationId, String subject, String displayName, String assignedBy, Instant assignedAt) {}

    private final DatabaseClient database;

    TrialTeams(DatabaseClient database) {
        this.database = database;
    }

    /** Every organization, by name. */
    public Flux<Organization> organizations() {
        return database.sql("SELECT id, name FROM team_organization ORDER BY name")
                .map(row -> new Organization(row.get("id", String.class), row.get("name", String.class)))
                .all();
    }

    public Mono<Organization> organization(String id) {
        return database.sql("SELECT id, name FROM team_organization WHERE id = :id")
                .bind("id", id)
                .map(row -> new Organization(row.get("id", String.class), row.get("name", String.class)))
                .one();
    }

    /** Adds an organization, or renames it. */
    public Mono<Void> saveOrganization(Organization organization) {
        return database.sql("INSERT INTO team_organization (id, name) VALUES (:id, :name) "
                        + "ON CONFLICT (id) DO UPDATE SET name = excluded.name")
                .bind("id", organization.id())
                .bind("name", organization.name())
                .then();
    }

    /** The organizations a caller acts for: the one their token vouches for and those they were assigned to. */
    public Mono<Set<String>> organizationsOf(TeamCaller caller) {
        return database.sql("SELECT organization_id FROM team_member WHERE subject = :subject")
                .bind("subject", caller.subject())
                .map(row -> row.get("organization_id", String.class))
                .all()
                .collect(TreeSet<String>::new, Set::add)
                .map(organizations -> {
                    if (caller.organization() != null && !caller.organization().isBlank()) {
                        organizations.add(caller.organization());
                    }
                    return Set.copyOf(organizations);
                });
    }

    /** The organization whose team runs the trial; empty when none does (e.g. a trial imported from a registry). */
    public Mono<String> teamOf(String trialId) {
        return database.sql("SELECT organization_id FROM trial_team WHERE trial_id = :trial")
                .bind("trial", trialId)
                .map(row -> row.get("organization_id", String.class))
                .one();
    }

    /** The trials an organization's team runs. */
    public Flux<String> trialsOf(String organizationId) {
        return database.sql(
                        "SELECT trial_id FROM trial_team WHERE organization_id = :organization ORDER BY assigned_at DESC")
                .bind("organization", organizationId)
                .map(row -> row.get("trial_id", String.class))
                .all();
    }

    /**
     * Whether the caller may change the trial and see its candidates: an administrator always; anyone else
     * only for a trial their organization's team runs.
     */
    public Mono<Boolean> mayActFor(TeamCaller caller, String trialId) {
        if (caller.isAdmin()) {
            return Mono.just(true);
        }
        return teamOf(trialId)
                .zipWith(organizationsOf(caller), (team, mine) -> mine.contains(team))
                .defaultIfEmpty(false);
    }

    /**
     * Makes the organization's team run the trial unless a team already does (the first writer's
     * organization keeps it). Creates the organization when it is new, named after its id.
     */
    public Mono<Void> claim(String trialId, String organizationId) {
        return database.sql("INSERT INTO team_organization (id, name) VALUES (:id, :id) ON CONFLICT (id) DO NOTHING")
                .bind("id", organizationId)
                .then()
                .then(database.sql("INSERT INTO trial_team (trial_id, organization_id) VALUES (:trial, :organization) "
                                + "ON CONFLICT (trial_id) DO NOTHING")
                        .bind("trial", trialId)
                        .bind("organization", organizationId)
                        .then());
    }

    /** An administrator hands the trial to another team. */
    public Mono<Void> assign(String trialId, String organizationId) {
        return database.sql(
                        "INSERT INTO trial_team (trial_id, organization_id) VALUES (:trial, :organization) "
                                + "ON CONFLICT (trial_id) DO UPDATE SET organization_id = excluded.organization_id, assigned_at = now()")
                .bind("trial", trialId)
                .bind("organization", organizationId)
                .then();
    }

    public Flux<Member> members(String organizationId) {
        return database.sql(
                        "SELECT * FROM team_member WHERE organization_id = :organization ORDER BY display_name, subject")
                .bind("organization", organizationId)
                .map(row -> new Member(
                        row.get("organization_id", String.class),
                        row.get("subject", String.class),
                        row.get("display_name", String.class),
                        row.get("assigned_by", String.class),
                        row.get("assigned_at", OffsetDateTime.class).toInstant()))
                .all();
    }

    /** An administrator assigns a person (by login subject) to an organization. */
    public Mono<Void> addMember(String organizationId, String subject, String displayName, String assignedBy) {
        var spec = database.sql("INSERT INTO team_member (organization_id, subject, display_name, assigned_by) "
                        + "VALUES (:organization, :subject, :name, :by) ON CONFLICT (organization_id, subject) "
                        + "DO UPDATE SET display_name = excluded.display_name")
                .bind("organization", organizationId)
                .bind("subject", subject)
                .bind("by", assignedBy);
        spec = displayName == null ? spec.bindNull("name", String.class) : spec.bind("name", displayName);
        return spec.then();
    }

    public Mono<Void> removeMember(String organizationId, String subject) {
        return database.sql("DELETE FROM team_member WHERE organization_id = :organization AND subject = :subject")
                .bind("organization", organizationId)
                .bind("subject", subject)
                .then();
    }
}
