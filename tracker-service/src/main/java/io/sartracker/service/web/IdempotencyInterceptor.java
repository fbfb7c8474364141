package io.sartracker.service.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sartracker.service.config.RecordedEvents;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Stores a command's Idempotency-Key in the transaction of its events. The key is inserted before
 * the handler runs, so a concurrent request with the same key waits on the primary key (and fails
 * once this one commits, to be answered from the store); the answer is written in the unit of work's
 * prepare-commit phase, after the events are stored and before the transaction commits. A rejected
 * command rolls both back.
 */
@Component
public class IdempotencyInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {
    private final IdempotencyStore store;
    private final CommandAnswers answers;
    private final ObjectMapper json;
    private final Clock clock;

    public IdempotencyInterceptor(IdempotencyStore store, CommandAnswers answers, ObjectMapper json, Clock clock) {
        this.store = store;
        this.answers = answers;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        MetaData metaData = command.getMetaData();
        String key = (String) metaData.get(Idempotency.KEY_METADATA);
        if (key == null) {
            return chain.proceed();
        }
        try {
            store.claim(key, (String) metaData.get(Idempotency.HASH_METADATA),
                    (String) metaData.get(Idempotency.METHOD_METADATA), (String) metaData.get(Idempotency.PATH_METADATA),
                    clock.instant());
        } catch (DuplicateKeyException | PessimisticLockingFailureException | QueryTimeoutException e) {
            throw new Idempotency.KeyTaken(key, e);
        }
        Object result = chain.proceed();
        // registered after the handler ran, so after the event bus's own prepare-commit handler
        unitOfWork.onPrepareCommit(u -> {
            ResponseEntity<Recorded> answer = answers.answer(command.getPayload(), RecordedEvents.recordedIn(u));
            HttpHeaders headers = answer.getHeaders();
            store.answer(key, answer.getStatusCode().value(),
                    headers.getLocation() == null ? null : headers.getLocation().toString(), headers.getETag(),
                    write(answer.getBody()));
        });
        return result;
    }

    private String write(Recorded body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the answer could not be written as JSON", e);
        }
    }
}
