package city.hotline.support.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import city.hotline.support.web.RequestIdFilter;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.slf4j.MDC;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.stereotype.Component;

/**
 * Puts the record's key — the ticket id — and the id of the request that caused the event into
 * every log line written while a listener handles it.
 */
@Component
public class TicketLogContext implements RecordInterceptor<Object, Object> {
  public static final String MDC_KEY = "ticketId";

  @Override
  public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
    if (record.key() != null) {
      MDC.put(MDC_KEY, record.key().toString());
    }
    Header requestId = record.headers().lastHeader(RequestIdFilter.HEADER);
    if (requestId != null) {
      MDC.put(RequestIdFilter.MDC_KEY, new String(requestId.value(), StandardCharsets.UTF_8));
    }
    return record;
  }

  @Override
  public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
    MDC.remove(MDC_KEY);
    MDC.remove(RequestIdFilter.MDC_KEY);
  }
}
