package uk.probation.gate.platform;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cloud.stream.annotation.StreamRetryTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;
import uk.probation.gate.platform.audit.AuditController;
import uk.probation.gate.platform.audit.AuditTrail;
import uk.probation.gate.platform.deadletter.DeadLetterController;
import uk.probation.gate.platform.deadletter.DeadLetters;
import uk.probation.gate.platform.health.MongoPingHealthIndicator;
import uk.probation.gate.platform.idempotency.IdempotencyKeyFilter;
import uk.probation.gate.platform.lease.JobLease;
import uk.probation.gate.platform.messaging.CloudEventReader;
import uk.probation.gate.platform.messaging.IdempotentListeners;
import uk.probation.gate.platform.messaging.PoisonEventException;
import uk.probation.gate.platform.mongo.ObsoleteIndexes;
import uk.probation.gate.platform.outbox.AggregateSnapshots;
import uk.probation.gate.platform.outbox.AggregateStore;
import uk.probation.gate.platform.outbox.EventPublisher;
import uk.probation.gate.platform.outbox.Events;
import uk.probation.gate.platform.outbox.KafkaEventPublisher;
import uk.probation.gate.platform.outbox.OutboxRelay;
import uk.probation.gate.platform.retention.PlatformRetentionPolicies;
import uk.probation.gate.platform.retention.Retention;
import uk.probation.gate.platform.retention.RetentionController;
import uk.probation.gate.platform.retention.RetentionJob;
import uk.probation.gate.platform.retention.RetentionPolicy;
import uk.probation.gate.platform.sar.SubjectAccessContent;
import uk.probation.gate.platform.sar.SubjectAccessRequestController;
import uk.probation.gate.platform.security.SecurityConfiguration;
import uk.probation.gate.platform.tracing.TraceContext;
import uk.probation.gate.platform.web.ApiErrors;
import uk.probation.gate.platform.web.CorrelationIdFilter;
import uk.probation.gate.platform.web.RequestLogFilter;
import uk.probation.gate.platform.web.RequestSizeLimitFilter;

/** Everything a service gets by depending on service-platform. */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration"})
@Import({SecurityConfiguration.class, ApiErrors.class, DeadLetterController.class, AuditController.class,
        RetentionController.class, uk.probation.gate.platform.lease.BackgroundWorkController.class})
public class PlatformAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    MeterRegistryCustomizer<MeterRegistry> applicationTag(@Value("${spring.application.name}") String application) {
        return registry -> registry.config().commonTags("application", application);
    }

    /** W3C trace context across HTTP, the outbox and Kafka; a no-op where tracing is off (e.g. most tests). */
    @Bean
    TraceContext traceContext(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        Tracer t = tracer.getIfAvailable();
        Propagator p = propagator.getIfAvailable();
        return t == null || p == null ? TraceContext.none() : new TraceContext(t, p);
    }

    @Bean
    Events events(JsonMapper json, Clock clock, TraceContext traces) {
        return new Events(json, clock, traces);
    }

    @Bean
    FilterRegistrationBean<RequestLogFilter> requestLogFilter(TraceContext traces) {
        FilterRegistrationBean<RequestLogFilter> registration = new FilterRegistrationBean<>(new RequestLogFilter(traces));
        // inside the HTTP server observation (HIGHEST_PRECEDENCE + 1), so the line and X-Trace-Id carry its trace
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /** String keys (the person's identifier), raw JSON bytes; idempotent producer with acks=all from the defaults. */
    @Bean
    KafkaTemplate<String, byte[]> eventKafkaTemplate(KafkaProperties kafka) {
        Map<String, Object> config = kafka.buildProducerProperties();
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }

    @Bean
    @ConditionalOnMissingBean
    EventPublisher eventPublisher(KafkaTemplate<String, byte[]> kafka, @Value("${platform.events.source}") String source,
            @Value("${platform.outbox.ack-timeout}") Duration ackTimeout) {
        return new KafkaEventPublisher(kafka, source, ackTimeout);
    }

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, MongoMappingContext mappingContext, EventPublisher publisher,
            MeterRegistry meters, Clock clock, @Value("${platform.outbox.sweep-interval}") Duration sweepInterval,
            JobLease lease, @Value("${platform.outbox.claim-ttl}") Duration claimTtl) {
        return new OutboxRelay(mongo, mappingContext, publisher, meters, clock, sweepInterval, lease, claimTtl);
    }

    @Bean
    AuditTrail auditTrail(MongoTemplate mongo, Clock clock,
            @Value("${platform.audit.pseudonym-key}") String pseudonymKey) {
        return new AuditTrail(mongo, clock, pseudonymKey);
    }

    @Bean
    SmartInitializingSingleton auditIndexes(AuditTrail audit) {
        return audit::createIndexes;
    }

    @Bean
    AggregateStore aggregateStore(MongoTemplate mongo, OutboxRelay relay, AuditTrail audit) {
        return new AggregateStore(mongo, relay, audit);
    }

    @Bean
    AggregateSnapshots aggregateSnapshots() {
        return new AggregateSnapshots();
    }

    @Bean
    @ConditionalOnBean(SubjectAccessContent.class)
    SubjectAccessRequestController subjectAccessRequestController(SubjectAccessContent content, AuditTrail audit) {
        return new SubjectAccessRequestController(content, audit);
    }

    @Bean
    JobLease jobLease(MongoTemplate mongo, Clock clock) {
        return new JobLease(mongo, clock);
    }

    @Bean
    RetentionJob retentionJob(ObjectProvider<RetentionPolicy> policies, MongoTemplate mongo, JobLease lease,
            MeterRegistry meters, Clock clock, AuditTrail audit,
            @Value("${platform.retention.interval}") Duration interval,
            @Value("${platform.retention.initial-delay}") Duration initialDelay,
            @Value("${platform.retention.idempotency-keys}") String idempotencyKeys,
            @Value("${platform.retention.audit-log}") String auditLog) {
        List<RetentionPolicy> all = new ArrayList<>(policies.orderedStream().toList());
        all.add(PlatformRetentionPolicies.idempotencyKeys(mongo,
                Retention.checked("platform.retention.idempotency-keys", idempotencyKeys)));
        all.add(PlatformRetentionPolicies.auditLog(audit, Retention.checked("platform.retention.audit-log", auditLog)));
        return new RetentionJob(all, mongo, lease, meters, clock, interval, initialDelay);
    }

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(
                new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(JsonMapper json,
            @Value("${platform.http.max-request-body}") DataSize max) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestSizeLimitFilter(max.toBytes(), json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /**
     * Optimistic-locking saves filter on {_id, version}: a unique index on exactly that keeps them fast. The relay's
     * sweep finds pending outboxes through a sparse index on the mark only they carry (ADR 0013).
     */
    @Bean
    SmartInitializingSingleton aggregateVersionIndexes(MongoTemplate mongo, OutboxRelay relay) {
        return () -> relay.aggregateCollections().forEach(collection -> {
            mongo.indexOps(collection).createIndex(new Index().on("_id", Sort.Direction.ASC)
                    .on("version", Sort.Direction.ASC).unique().named("id_version"));
            mongo.indexOps(collection).createIndex(new Index().on(OutboxRelay.PENDING, Sort.Direction.ASC).sparse()
                    .named("outbox_pending"));
        });
    }

    /** Indexes a newer one replaced, dropped at start where an earlier version made them. */
    @Bean
    SmartInitializingSingleton obsoleteIndexes(MongoTemplate mongo,
            @Value("${platform.mongo.obsolete-indexes:}") List<String> names) {
        ObsoleteIndexes obsolete = new ObsoleteIndexes(mongo, names.stream().filter(n -> !n.isBlank()).toList());
        return obsolete::drop;
    }

    /**
     * Every consumer binding's retries: bounded, with back-off, then the dead-letter topic. A poison record goes
     * there at once (Spring Cloud Stream 5 cannot bind {@code retryable-exceptions} keyed by a class name).
     */
    @Bean
    @StreamRetryTemplate
    RetryTemplate eventRetry(@Value("${platform.consumer.max-attempts}") int maxAttempts,
            @Value("${platform.consumer.back-off-initial}") Duration initial,
            @Value("${platform.consumer.back-off-max}") Duration max) {
        return new RetryTemplate(RetryPolicy.builder().maxRetries(Math.max(0, maxAttempts - 1)).delay(initial)
                .multiplier(2).maxDelay(max).excludes(PoisonEventException.class).build());
    }

    @Bean
    CloudEventReader cloudEventReader(JsonMapper json) {
        return new CloudEventReader(json);
    }

    @Bean
    IdempotentListeners idempotentListeners(CloudEventReader reader, MeterRegistry meters, TraceContext traces) {
        return new IdempotentListeners(reader, meters, traces);
    }

    @Bean
    DeadLetters deadLetters(@Value("${platform.dead-letters.topic}") String topic,
            @Value("${spring.application.name}") String application, KafkaAdmin admin,
            KafkaTemplate<String, byte[]> kafka, MeterRegistry meters, JobLease lease) {
        return new DeadLetters(topic, application + ".dlt-replay", admin.getConfigurationProperties(), kafka, meters,
                lease);
    }

    @Bean
    MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    @Bean
    FilterRegistrationBean<IdempotencyKeyFilter> idempotencyKeyFilter(MongoTemplate mongo, JsonMapper json,
            Clock clock, @Value("${platform.retention.idempotency-keys}") String keptFor,
            @Value("${platform.idempotency.in-progress-lease}") Duration inProgressLease) {
        java.time.Instant now = clock.instant();
        Duration period = Duration.between(Retention.cutoff(now,
                Retention.checked("platform.retention.idempotency-keys", keptFor)), now);
        FilterRegistrationBean<IdempotencyKeyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyKeyFilter(mongo, json, clock, period, inProgressLease));
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
