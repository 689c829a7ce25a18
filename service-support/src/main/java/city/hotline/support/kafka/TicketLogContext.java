package city.hotline.support.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.stereotype.Component;

/** Puts the record's key — the ticket id — into every log line written while a listener handles it. */
@Component
public class TicketLogContext implements RecordInterceptor<Object, Object> {
  public static final String MDC_KEY = "ticketId";

  @Override
  public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
    if (record.key() != null) {
      MDC.put(MDC_KEY, record.key().toString());
    }
    return record;
  }

  @Override
  public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
    MDC.remove(MDC_KEY);
  }
}
