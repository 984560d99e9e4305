package dev.pitwall.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The HTTP proxy HTTPS requests go through, by an HTTP {@code CONNECT} tunnel: from the JDK's
 * {@code https.proxyHost}/{@code https.proxyPort} (with {@code http.nonProxyHosts}), else from
 * {@code HTTPS_PROXY}/{@code https_proxy} (with {@code NO_PROXY}/{@code no_proxy}), as curl reads
 * them. Plain-HTTP targets never use it (there is no {@code HTTP_PROXY} support: such targets are
 * local servers and the simulator).
 *
 * <p>Credentials come only from the URL's user part and go only into the {@code
 * Proxy-Authorization} header of the tunnel request: {@link #toString} and every message name the
 * proxy by host and port alone.
 *
 * @param source where the setting came from (a variable or property name), for messages
 * @param bypass host patterns that go direct: exact names, {@code .suffix} / {@code *.suffix}
 *     domains, {@code *} for every host
 */
public record ProxySettings(
    String host, int port, String user, String password, List<String> bypass, String source) {

  public ProxySettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(source, "source");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("proxy port must be in 1..65535: " + port);
    }
    bypass = bypass == null ? List.of() : List.copyOf(bypass);
  }

  /** A proxy URL that does not parse: a usage error naming the variable. */
  public static final class BadProxyException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    BadProxyException(String message) {
      super(message);
    }
  }

  /**
   * The proxy for HTTPS requests in this environment, or null for none.
   *
   * @throws BadProxyException when the variable or property holds no usable proxy URL
   */
  public static ProxySettings resolve(Map<String, String> env, Properties props) {
    String jdkHost = props.getProperty("https.proxyHost");
    if (jdkHost != null && !jdkHost.isBlank()) {
      String portText = props.getProperty("https.proxyPort", "443").strip();
      int port;
      try {
        port = Integer.parseInt(portText);
      } catch (NumberFormatException e) {
        port = -1;
      }
      if (port < 1 || port > 65535) {
        throw new BadProxyException(
            "https.proxyPort '" + portText + "' is not a port: give a number in 1..65535");
      }
      String nonProxy = props.getProperty("http.nonProxyHosts", "localhost|127.*|[::1]");
      return new ProxySettings(
          jdkHost.strip(), port, null, null, split(nonProxy, "\\|"), "https.proxyHost");
    }
    for (String name : List.of("HTTPS_PROXY", "https_proxy")) {
      String url = env.get(name);
      if (url != null && !url.isBlank()) {
        String noProxy = env.getOrDefault("NO_PROXY", env.getOrDefault("no_proxy", ""));
        return parse(name, url.strip(), split(noProxy, ","));
      }
    }
    return null;
  }

  /** {@code [http://][user:password@]host[:port][/]}; the port defaults to 80, as curl's. */
  static ProxySettings parse(String variable, String url, List<String> bypass) {
    String withScheme = url.contains("://") ? url : "http://" + url;
    URI uri;
    try {
      uri = new URI(withScheme);
    } catch (URISyntaxException e) {
      throw bad(variable, "does not parse");
    }
    if (!"http".equalsIgnoreCase(uri.getScheme())) {
      throw bad(variable, "is not an http:// proxy (pitwall tunnels HTTPS through HTTP CONNECT)");
    }
    if (uri.getHost() == null) {
      throw bad(variable, "names no host");
    }
    String path = uri.getRawPath();
    if ((path != null && !path.isEmpty() && !path.equals("/")) || uri.getRawQuery() != null) {
      throw bad(variable, "has a path; give only http://[user:password@]host:port");
    }
    String user = null;
    String password = null;
    String info = uri.getRawUserInfo();
    if (info != null) {
      int colon = info.indexOf(':');
      user = decode(colon < 0 ? info : info.substring(0, colon));
      password = colon < 0 ? "" : decode(info.substring(colon + 1));
    }
    int port = uri.getPort() == -1 ? 80 : uri.getPort();
    return new ProxySettings(uri.getHost(), port, user, password, bypass, variable);
  }

  private static BadProxyException bad(String variable, String what) {
    // never the value itself: it may hold a password
    return new BadProxyException(
        variable
            + " "
            + what
            + ": set it to http://host:port or http://user:password@host:port, or unset it");
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static List<String> split(String list, String separator) {
    List<String> out = new ArrayList<>();
    for (String s : list.split(separator)) {
      String t = s.strip().toLowerCase(Locale.ROOT);
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }

  /** Whether a request to {@code host} goes through this proxy (is not bypassed). */
  public boolean appliesTo(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    String bare = h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    for (String p : bypass) {
      if (matches(p, h) || matches(p, bare)) {
        return false;
      }
    }
    return true;
  }

  private static boolean matches(String pattern, String host) {
    if (pattern.equals("*")) {
      return true;
    }
    if (pattern.contains("*")) {
      String regex = Pattern.quote(pattern).replace("*", "\\E.*\\Q");
      return host.matches(regex);
    }
    String domain = pattern.startsWith(".") ? pattern.substring(1) : pattern;
    return host.equals(domain) || host.endsWith("." + domain);
  }

  /** The {@code Proxy-Authorization} value, or null without credentials. */
  public String basicAuthorization() {
    if (user == null) {
      return null;
    }
    String pair = user + ":" + password;
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  /** host:port, as messages name the proxy. */
  public String address() {
    return (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
  }

  @Override
  public String toString() {
    return "ProxySettings[" + address() + (user == null ? "" : ", credentials set") + "]";
  }
}
