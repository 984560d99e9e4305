package dev.pitwall.client.internal;

import java.io.IOException;

/** The proxy answered the tunnel request with something other than 2xx (407, 403, 502...). */
final class ProxyRefusedException extends IOException {
  private static final long serialVersionUID = 1L;

  ProxyRefusedException(String message) {
    super(message);
  }
}
