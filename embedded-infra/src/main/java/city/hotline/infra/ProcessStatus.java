package city.hotline.infra;

import java.util.OptionalLong;

/** What {@link EmbeddedSystem#status()} found out about one process. */
public record ProcessStatus(String name, OptionalLong pid, boolean healthy, String endpoint) {

    public boolean running() {
        return pid.isPresent();
    }
}
