package city.hotline.feedback.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The texts' templates, and the sender {@code hotline.sms.sender} names: a log line (the default) or SMPP. */
@Configuration(proxyBeanMethods = false)
class SmsConfiguration {

  @Bean
  SmsTemplates smsTemplates(SmsSettings settings) {
    return SmsTemplates.load(settings.templates());
  }

  @Bean
  @ConditionalOnProperty(name = "hotline.sms.sender", havingValue = SmsSettings.LOG, matchIfMissing = true)
  LogOnlySender logOnlySender() {
    return new LogOnlySender();
  }

  @Bean
  @ConditionalOnProperty(name = "hotline.sms.sender", havingValue = SmsSettings.SMPP)
  SmppSender smppSender(SmsSettings settings, SmppInbound inbound) {
    return new SmppSender(settings.smpp(), inbound);
  }
}
