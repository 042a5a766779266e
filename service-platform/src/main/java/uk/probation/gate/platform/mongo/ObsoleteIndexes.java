package uk.probation.gate.platform.mongo;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexOperations;

/**
 * Drops, at start, indexes an earlier version of the service made and a newer index has replaced
 * ({@code platform.mongo.obsolete-indexes}: {@code collection.index} names). Indexes are created from the mapped
 * classes by name; one whose keys change gets a new name, since MongoDB refuses an existing name with other keys,
 * and the old one would otherwise stay, serving nothing and costing every write. Where it does not exist nothing
 * happens; a failure is logged and the drop is tried again at the next start.
 */
public final class ObsoleteIndexes {

    private static final Logger log = LoggerFactory.getLogger(ObsoleteIndexes.class);

    private final MongoTemplate mongo;
    private final List<String> names;

    public ObsoleteIndexes(MongoTemplate mongo, List<String> names) {
        this.mongo = mongo;
        this.names = List.copyOf(names);
    }

    /** Drops every listed index that exists; returns how many it dropped. */
    public int drop() {
        int dropped = 0;
        for (String name : names) {
            int dot = name.lastIndexOf('.');
            if (dot <= 0 || dot == name.length() - 1) {
                throw new IllegalArgumentException("platform.mongo.obsolete-indexes: '" + name
                        + "' is not collection.index");
            }
            String collection = name.substring(0, dot);
            String index = name.substring(dot + 1);
            try {
                IndexOperations indexes = mongo.indexOps(collection);
                if (indexes.getIndexInfo().stream().anyMatch(info -> index.equals(info.getName()))) {
                    indexes.dropIndex(index);
                    dropped++;
                    log.info("Dropped the index '{}' of {}: a newer index replaces it", index, collection);
                }
            } catch (RuntimeException e) {
                log.warn("Could not drop the obsolete index '{}' of {}, tried again at the next start: {}", index,
                        collection, e.getClass().getSimpleName());
            }
        }
        return dropped;
    }
}
