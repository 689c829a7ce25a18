package city.hotline.dispatch.routing;

/** A handling unit (承办单位), e.g. 江岸区城管局. */
public record Unit(String id, String name) {}
