package dev.pitwall.client.internal;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * One plain sentence for a failure to reach a server: which host, what failed, what to do. No
 * exception class names: these end up in front of people (exit 3) and in requests.csv.
 */
public final class NetworkErrors {
  /** How a user adds a certificate authority, the standard JDK way. */
  static final String TRUST_STORE_HINT =
      "if it is signed by your own authority, add that certificate to a trust store and pass"
          + " -Djavax.net.ssl.trustStore=FILE -Djavax.net.ssl.trustStorePassword=PASSWORD"
          + " (docs/client.md, TLS)";

  private NetworkErrors() {}

  /** The sentence for a failure before any response from {@code host:port}. */
  public static String plain(String host, int port, Throwable e) {
    String where = host + ":" + port;
    if (e instanceof ProxyRefusedException) {
      return e.getMessage();
    }
    if (e instanceof SSLException) {
      return tls(where, e);
    }
    if (e instanceof SocketTimeoutException || e instanceof HttpTimeoutException) {
      return "no answer from " + where + " in time (" + e.getMessage() + ")";
    }
    if (e instanceof UnknownHostException) {
      return "the host name " + host + " does not resolve: check the URL and the DNS";
    }
    if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
      return "cannot connect to "
          + where
          + " ("
          + e.getMessage()
          + "): check the base URL and that the server is up";
    }
    return "no response from " + where + " (" + e.getMessage() + ")";
  }

  private static String tls(String where, Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      String m = String.valueOf(c.getMessage());
      String lower = m.toLowerCase(Locale.ROOT);
      if (lower.contains("no subject alternative") || lower.contains("no name matching")) {
        return "the TLS certificate presented by "
            + where
            + " is for another host ("
            + m
            + "): check the host name in the URL, or the proxy intercepting TLS";
      }
      if (c instanceof CertificateExpiredException
          || c instanceof CertificateNotYetValidException) {
        return "the TLS certificate presented by " + where + " is outside its validity period";
      }
      if (lower.contains("pkix") || lower.contains("certification path")) {
        return "the TLS certificate presented by "
            + where
            + " is not signed by a trusted authority; "
            + TRUST_STORE_HINT;
      }
    }
    return "the TLS handshake with " + where + " failed (" + e.getMessage() + ")";
  }

  /** A redirect is refused: the target URL should be the final one. */
  public static String redirect(int status, String location) {
    return "the server redirected (HTTP "
        + status
        + ") to "
        + (location == null ? "another URL" : location)
        + "; pitwall does not follow redirects: use the final URL as the target";
  }
}
