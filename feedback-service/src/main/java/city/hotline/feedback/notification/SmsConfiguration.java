package city.hotline.feedback.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The texts' templates, and the sender {@code hotline.sms.sender} names: a log line (the default) or SMPP. */
@Configuration(proxyBeanMethods = false)
class SmsConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SmsConfiguration.class);

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
    if (settings.developmentOptOutKey()) {
      // a warning, not a refusal: texts still go, but the opted-out numbers' hashes are only as safe as plain ones
      log.warn("hotline.sms.opt-out-key is the development key shipped in application.yml while texts go to an SMS "
          + "centre: set HOTLINE_SMS_OPT_OUT_KEY to a secret of your own (changing it later forgets the opt-outs)");
    }
    return new SmppSender(settings.smpp(), inbound);
  }
}
