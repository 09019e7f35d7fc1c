package dk.trialport.catalogue;

/** Why the catalogue refused a change or a read. */
public sealed class CatalogueException extends RuntimeException {

    CatalogueException(String message) {
        super(message);
    }

    /** The resource does not exist (or never had that version). */
    public static final class NotFound extends CatalogueException {
        public NotFound(String type, String id) {
            super(type + "/" + id + " is not known");
        }
    }

    /** The resource was deleted. */
    public static final class Gone extends CatalogueException {
        public Gone(String type, String id) {
            super(type + "/" + id + " was deleted");
        }
    }

    /** The client's version (If-Match) is not the current one. */
    public static final class VersionConflict extends CatalogueException {
        public VersionConflict(String type, String id, int expected, int current) {
            super(type + "/" + id + " is at version " + current + ", not " + expected);
        }
    }
}
