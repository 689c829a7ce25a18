package city.hotline.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The repository's Prometheus files as Prometheus itself reads them: the alert rules load, the two scrape
 * configurations (embedded system, compose) load with them, and alerts_test.yml's cases (each alert firing on its
 * situation and quiet short of it) pass.
 */
class PrometheusRulesTest {

    static final List<String> ALERTS = List.of("HotlineConsumerLagHigh", "HotlineOutboxStale", "HotlineDeadLetters",
            "HotlineClockStalled", "HotlineHttp5xxRate", "HotlineSignInThrottlingSpike", "HotlineTargetDown",
            "HotlineSurgeDetectionStopped", "HotlineSurgeRecordsFailing", "HotlineTextsWaiting", "HotlineTextsFailing",
            "HotlineWebhooksParked");

    @Test
    void theAlertRulesLoad() throws Exception {
        Promtool.Result result = Promtool.run(Promtool.OPS, "check", "rules", "alerts.yml");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS: " + ALERTS.size() + " rules found");
    }

    @Test
    void bothScrapeConfigurationsLoadWithTheRules() throws Exception {
        for (String config : List.of("prometheus.yml", "compose/prometheus.yml")) {
            Promtool.Result result = Promtool.run(Promtool.OPS, "check", "config", config);

            assertThat(result.exitCode()).as(config + ": " + result.output()).isZero();
            assertThat(result.output()).as(config).contains("SUCCESS: 1 rule files found");
        }
    }

    @Test
    void everyAlertFiresOnItsSituationAndStaysQuietShortOfIt() throws Exception {
        Promtool.Result result = Promtool.run(Promtool.OPS, "test", "rules", "alerts_test.yml");

        assertThat(result.exitCode()).as(result.output()).isZero();
        String tests = Files.readString(Promtool.OPS.resolve("alerts_test.yml"));
        for (String alert : ALERTS) {
            assertThat(tests).as("a firing case of " + alert).contains("alertname: " + alert + "\n        exp_alerts:\n          - exp_labels");
            assertThat(tests).as("a quiet case of " + alert).contains("alertname: " + alert + "\n        exp_alerts: []");
        }
    }

    @Test
    void everyAlertSaysHowSevereItIsWhatItMeansAndWhatToDo() throws Exception {
        String rules = Files.readString(Promtool.OPS.resolve("alerts.yml"));
        List<String> blocks = List.of(rules.split("\n      - alert: "));

        assertThat(blocks.subList(1, blocks.size())).extracting(block -> block.lines().findFirst().orElseThrow())
                .containsExactlyInAnyOrderElementsOf(ALERTS);
        for (String block : blocks.subList(1, blocks.size())) {
            assertThat(block).as(block.lines().findFirst().orElseThrow())
                    .containsPattern("severity: (critical|warning)\n")
                    .contains("summary: ", "description: ");
        }
    }
}
