package city.hotline.infra;

/** A process did not become healthy; the message names it and quotes the end of its log. */
public class StartupFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StartupFailedException(String message) {
        super(message);
    }
}
