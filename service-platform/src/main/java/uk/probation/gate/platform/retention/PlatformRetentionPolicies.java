package uk.probation.gate.platform.retention;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Date;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import uk.probation.gate.platform.audit.AuditTrail;
import uk.probation.gate.platform.idempotency.IdempotencyKeyFilter;

/** The retention every service has: idempotency records (24 hours) and the audit trail. */
public final class PlatformRetentionPolicies {

    private PlatformRetentionPolicies() {
    }

    public static RetentionPolicy idempotencyKeys(MongoTemplate mongo, String period) {
        return new RetentionPolicy() {
            public String name() {
                return "idempotency-keys";
            }

            public String description() {
                return "Idempotency records (the first answer to a creating request, for safe retries), from the request";
            }

            public String period() {
                return period;
            }

            public long purge(Instant now) {
                return mongo.remove(new Query(where("createdAt").lt(Date.from(Retention.cutoff(now, period)))),
                        IdempotencyKeyFilter.COLLECTION).getDeletedCount();
            }
        };
    }

    public static RetentionPolicy auditLog(AuditTrail audit, String period) {
        return new RetentionPolicy() {
            public String name() {
                return "audit-log";
            }

            public String description() {
                return "Audit trail rows (who changed what and when; identifiers only), from the change";
            }

            public String period() {
                return period;
            }

            public long purge(Instant now) {
                return audit.purgeBefore(Retention.cutoff(now, period));
            }
        };
    }
}
