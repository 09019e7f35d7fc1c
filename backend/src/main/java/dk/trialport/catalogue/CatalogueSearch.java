package dk.trialport.catalogue;

import io.r2dbc.spi.Readable;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Searches current resources in PostgreSQL: by id, identifier and last update, with keyset paging. */
@Repository
public class CatalogueSearch {

    private final DatabaseClient database;

    CatalogueSearch(DatabaseClient database) {
        this.database = database;
    }

    /** One page of matches, in the query's order, with one row more than asked when there is a next page. */
    public Flux<StoredResource> page(CatalogueQuery query) {
        var where = new ArrayList<String>();
        var binds = new LinkedHashMap<String, Object>();
        filters(query, where, binds);
        if (query.after() != null) {
            boolean forward = query.descending() == query.backwards();
            var op = forward ? ">" : "<";
            if (query.byLastUpdated()) {
                where.add("(r.last_updated, r.id) " + op + " (:afterUpdated, :afterId)");
                binds.put("afterUpdated", query.after().lastUpdated().atOffset(ZoneOffset.UTC));
            } else {
                where.add("r.id " + op + " :afterId");
            }
            binds.put("afterId", query.after().id());
        }
        boolean descending = query.descending() != query.backwards();
        var direction = descending ? " DESC" : " ASC";
        var order = query.byLastUpdated() ? "r.last_updated" + direction + ", r.id" + direction : "r.id" + direction;
        var sql = "SELECT v.* FROM fhir_resource r JOIN fhir_resource_version v ON v.resource_type = r.resource_type "
                + "AND v.id = r.id AND v.version = r.version WHERE " + String.join(" AND ", where)
                + " ORDER BY " + order + " LIMIT :limit";
        binds.put("limit", query.count() + 1);
        return bind(database.sql(sql), binds).map(CatalogueSearch::stored).all();
    }

    /** How many resources match, regardless of paging. */
    public Mono<Long> count(CatalogueQuery query) {
        var where = new ArrayList<String>();
        var binds = new LinkedHashMap<String, Object>();
        filters(query, where, binds);
        return bind(
                        database.sql("SELECT count(*) AS n FROM fhir_resource r WHERE " + String.join(" AND ", where)),
                        binds)
                .map(row -> row.get("n", Long.class))
                .one();
    }

    /** The current resources of {@code type} that the given ones reference at {@code path} (_include). */
    public Flux<StoredResource> referencedBy(List<String> sourceIds, String sourceType, String path) {
        return database.sql(
                        "SELECT DISTINCT v.* FROM fhir_reference f JOIN fhir_resource r ON r.resource_type = f.target_type "
                                + "AND r.id = f.target_id AND NOT r.deleted JOIN fhir_resource_version v ON v.resource_type = r.resource_type "
                                + "AND v.id = r.id AND v.version = r.version WHERE f.source_type = :type AND f.source_id = ANY(:ids)"
                                + (path == null ? "" : " AND f.path = :path"))
                .bind("type", sourceType)
                .bind("ids", sourceIds.toArray(String[]::new))
                .bindValues(path == null ? Map.of() : Map.of("path", path))
                .map(CatalogueSearch::stored)
                .all();
    }

    /** The current resources that reference the given ones at {@code path} (_revinclude). */
    public Flux<StoredResource> referencing(List<String> targetIds, String targetType, String sourceType, String path) {
        return database.sql(
                        "SELECT DISTINCT v.* FROM fhir_reference f JOIN fhir_resource r ON r.resource_type = f.source_type "
                                + "AND r.id = f.source_id AND NOT r.deleted JOIN fhir_resource_version v ON v.resource_type = r.resource_type "
                                + "AND v.id = r.id AND v.version = r.version WHERE f.target_type = :targetType AND f.target_id = ANY(:ids) "
                                + "AND f.source_type = :sourceType" + (path == null ? "" : " AND f.path = :path"))
                .bind("targetType", targetType)
                .bind("ids", targetIds.toArray(String[]::new))
                .bind("sourceType", sourceType)
                .bindValues(path == null ? Map.of() : Map.of("path", path))
                .map(CatalogueSearch::stored)
                .all();
    }

    /**
     * Drafts (R4 status {@code in-review}) are found only by a search that asks for that status, and then only those of
     * the teams in {@link CatalogueQuery#draftTeams()}.
     */
    static final String DRAFT = Trial.DRAFT;

    private static void filters(CatalogueQuery query, List<String> where, Map<String, Object> binds) {
        where.add("r.resource_type = :type");
        where.add("NOT r.deleted");
        binds.put("type", query.type());
        if (query.id() != null) {
            where.add("r.id = :id");
            binds.put("id", query.id());
        }
        if (query.identifierValue() != null || query.identifierSystem() != null) {
            // system| alone (no value) finds every resource with an identifier of that system
            where.add("EXISTS (SELECT 1 FROM fhir_identifier i WHERE i.resource_type = r.resource_type AND i.id = r.id"
                    + (query.identifierValue() == null ? "" : " AND i.value = :identifierValue")
                    + (query.identifierSystem() == null ? "" : " AND i.system = :identifierSystem") + ")");
            if (query.identifierValue() != null) {
                binds.put("identifierValue", query.identifierValue());
            }
            if (query.identifierSystem() != null) {
                binds.put("identifierSystem", query.identifierSystem());
            }
        }
        if (query.updatedFrom() != null) {
            where.add("r.last_updated >= :updatedFrom");
            binds.put("updatedFrom", query.updatedFrom().atOffset(ZoneOffset.UTC));
        }
        if (query.updatedBefore() != null) {
            where.add("r.last_updated < :updatedBefore");
            binds.put("updatedBefore", query.updatedBefore().atOffset(ZoneOffset.UTC));
        }
        var references = query.references() == null ? List.<ResourceContent.Link>of() : query.references();
        for (int i = 0; i < references.size(); i++) {
            var link = references.get(i);
            where.add(
                    "EXISTS (SELECT 1 FROM fhir_reference f WHERE f.source_type = r.resource_type AND f.source_id = r.id "
                            + "AND f.path = :refPath" + i + " AND f.target_type = :refType" + i
                            + " AND f.target_id = :refId" + i + ")");
            binds.put("refPath" + i, link.path());
            binds.put("refType" + i, link.targetType());
            binds.put("refId" + i, link.targetId());
        }
        if ("ResearchStudy".equals(query.type())
                && (query.trial() == null || query.trial().statuses().isEmpty())) {
            where.add("NOT EXISTS (SELECT 1 FROM trial d WHERE d.id = r.id AND d.status = '" + DRAFT + "')");
        }
        if ("ResearchStudy".equals(query.type()) && query.draftTeams() != null) {
            // a search that asks for drafts finds only those of the caller's own teams
            where.add(
                    "NOT EXISTS (SELECT 1 FROM trial d WHERE d.id = r.id AND d.status = '" + DRAFT + "' AND NOT EXISTS "
                            + "(SELECT 1 FROM trial_team tt WHERE tt.trial_id = d.id AND tt.organization_id = ANY(:draftTeams)))");
            binds.put("draftTeams", query.draftTeams().toArray(String[]::new));
        }
        if (query.trial() != null && !query.trial().isEmpty()) {
            where.add("EXISTS (SELECT 1 FROM trial t WHERE t.id = r.id AND "
                    + String.join(" AND ", trialFilters(query.trial(), binds)) + ")");
        }
    }

    private static List<String> trialFilters(TrialCriteria criteria, Map<String, Object> binds) {
        var filters = new ArrayList<String>();
        filters.add("TRUE");
        if (!criteria.statuses().isEmpty()) {
            filters.add("t.status = ANY(:statuses)");
            binds.put("statuses", criteria.statuses().toArray(String[]::new));
        }
        if (!criteria.recruitmentStatuses().isEmpty()) {
            filters.add("t.recruitment_status = ANY(:recruitmentStatuses)");
            binds.put("recruitmentStatuses", criteria.recruitmentStatuses().toArray(String[]::new));
        }
        if (!criteria.phases().isEmpty()) {
            filters.add("t.projection->'phases' ?| :phases");
            binds.put("phases", criteria.phases().toArray(String[]::new));
        }
        if (criteria.conditionCode() != null) {
            filters.add("EXISTS (SELECT 1 FROM jsonb_array_elements(t.projection->'conditions') c, "
                    + "jsonb_array_elements(c->'codes') code WHERE code->>'code' = :conditionCode"
                    + (criteria.conditionSystem() == null ? "" : " AND code->>'system' = :conditionSystem") + ")");
            binds.put("conditionCode", criteria.conditionCode());
            if (criteria.conditionSystem() != null) {
                binds.put("conditionSystem", criteria.conditionSystem());
            }
        }
        if (criteria.conditionText() != null) {
            filters.add(
                    "EXISTS (SELECT 1 FROM jsonb_array_elements(t.projection->'conditions') c WHERE c->>'text' ILIKE :conditionText "
                            + "OR EXISTS (SELECT 1 FROM jsonb_array_elements(c->'codes') code WHERE code->>'display' ILIKE :conditionText))");
            binds.put("conditionText", "%" + like(criteria.conditionText()) + "%");
        }
        if (criteria.title() != null) {
            filters.add(
                    "(t.title ILIKE :title OR t.projection->>'layTitleDa' ILIKE :title OR t.projection->>'layTitleEn' ILIKE :title)");
            binds.put("title", "%" + like(criteria.title()) + "%");
        }
        if (criteria.age() != null) {
            filters.add(
                    "(t.projection->>'minimumAgeYears' IS NULL OR (t.projection->>'minimumAgeYears')::float8 <= :age)");
            filters.add(
                    "(t.projection->>'maximumAgeYears' IS NULL OR (t.projection->>'maximumAgeYears')::float8 >= :age)");
            binds.put("age", criteria.age());
        }
        if (criteria.sex() != null) {
            filters.add("(t.projection->>'sex' IS NULL OR t.projection->>'sex' = :sex)");
            binds.put("sex", criteria.sex());
        }
        var period = criteria.period() == null ? List.<TrialCriteria.DateRange>of() : criteria.period();
        for (int i = 0; i < period.size(); i++) {
            filters.add(periodFilter(period.get(i), i, binds));
        }
        return filters;
    }

    /**
     * FHIR's date search on a Period: eq, the period lies within the value's range; gt/ge, it reaches past the
     * value's end/start; lt/le, it begins before the value's start/end; sa, it starts after the value; eb, it ends
     * before it. A missing start or end is open; a trial without a period matches none.
     */
    private static String periodFilter(TrialCriteria.DateRange range, int i, Map<String, Object> binds) {
        var start = "(t.projection->>'periodStart')::timestamptz";
        var end = "(t.projection->>'periodEnd')::timestamptz";
        var from = ":periodFrom" + i;
        var before = ":periodBefore" + i;
        var filter = switch (range.prefix()) {
            case "eq" -> "(" + start + " >= " + from + " AND " + end + " <= " + before + ")";
            case "gt" -> "(" + end + " IS NULL OR " + end + " > " + before + ")";
            case "ge" -> "(" + end + " IS NULL OR " + end + " > " + from + ")";
            case "lt" -> "(" + start + " IS NULL OR " + start + " < " + from + ")";
            case "le" -> "(" + start + " IS NULL OR " + start + " < " + before + ")";
            case "sa" -> "(" + start + " >= " + before + ")";
            case "eb" -> "(" + end + " <= " + from + ")";
            default -> throw new IllegalArgumentException("date prefix " + range.prefix());
        };
        // a trial without a period matches no date search
        filter = "((t.projection->>'periodStart') IS NOT NULL OR (t.projection->>'periodEnd') IS NOT NULL) AND "
                + filter;
        // bind only what the filter names: the driver refuses an unused parameter
        if (filter.contains(from)) {
            binds.put("periodFrom" + i, range.from().atOffset(ZoneOffset.UTC));
        }
        if (filter.contains(before)) {
            binds.put("periodBefore" + i, range.before().atOffset(ZoneOffset.UTC));
        }
        return filter;
    }

    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static DatabaseClient.GenericExecuteSpec bind(
            DatabaseClient.GenericExecuteSpec spec, Map<String, Object> binds) {
        return spec.bindValues(binds);
    }

    private static StoredResource stored(Readable row) {
        return CatalogueStore.version(row);
    }
}
