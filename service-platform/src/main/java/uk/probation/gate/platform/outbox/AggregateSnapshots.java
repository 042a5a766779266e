package uk.probation.gate.platform.outbox;

import org.bson.Document;
import org.springframework.data.mongodb.core.mapping.event.AfterConvertCallback;

/** Keeps the stored state an aggregate was read from, so its next save can name the fields it changed. */
public class AggregateSnapshots implements AfterConvertCallback<AggregateDocument> {

    @Override
    public AggregateDocument onAfterConvert(AggregateDocument entity, Document document, String collection) {
        entity.loadedFrom(document);
        return entity;
    }
}
