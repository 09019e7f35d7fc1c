package dk.trialport.availability;

/** A server the application cannot answer without. */
public enum Dependency {
    POSTGRESQL("PostgreSQL"),
    ELASTICSEARCH("Elasticsearch");

    private final String title;

    Dependency(String title) {
        this.title = title;
    }

    /** Its name as people know it. */
    public String title() {
        return title;
    }
}
