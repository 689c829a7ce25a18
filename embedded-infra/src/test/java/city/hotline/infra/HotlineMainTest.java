package city.hotline.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class HotlineMainTest {

    private final Settings settings = Settings.defaults(Path.of("/repo"), Path.of("/repo/.hotline"));

    @Test
    void upWithPrometheusStartsItToo() {
        assertThat(HotlineMain.upSettings(settings, List.of("--with-prometheus")).withPrometheus()).isTrue();
        assertThat(HotlineMain.upSettings(settings, List.of()).withPrometheus()).isFalse();
    }

    @Test
    void upRefusesAnOptionItDoesNotKnow() {
        assertThatThrownBy(() -> HotlineMain.upSettings(settings, List.of("--with-grafana")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown option --with-grafana; usage: ./hotline up [--with-prometheus]");
    }
}
