package dev.pitwall.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ProxySettingsTest {
  private static final Properties NONE = new Properties();

  @Test
  void noVariableNoProxy() {
    assertThat(ProxySettings.resolve(Map.of(), NONE)).isNull();
  }

  @Test
  void httpsProxyWithCredentialsAndNoProxy() {
    ProxySettings p =
        ProxySettings.resolve(
            Map.of(
                "HTTPS_PROXY", "http://ann:p%40ss@proxy.corp:3128/",
                "NO_PROXY", "localhost, .internal.corp,10.*"),
            NONE);
    assertThat(p.address()).isEqualTo("proxy.corp:3128");
    assertThat(p.basicAuthorization()).isEqualTo("Basic YW5uOnBAc3M="); // ann:p@ss
    assertThat(p.toString()).doesNotContain("p@ss").doesNotContain("ann");
    assertThat(p.appliesTo("openrouter.ai")).isTrue();
    assertThat(p.appliesTo("localhost")).isFalse();
    assertThat(p.appliesTo("api.internal.corp")).isFalse();
    assertThat(p.appliesTo("10.1.2.3")).isFalse();
  }

  @Test
  void lowerCaseVariableAndDefaultPort() {
    ProxySettings p = ProxySettings.resolve(Map.of("https_proxy", "proxy.corp"), NONE);
    assertThat(p.address()).isEqualTo("proxy.corp:80");
    assertThat(p.basicAuthorization()).isNull();
  }

  @Test
  void jdkPropertiesComeFirst() {
    Properties props = new Properties();
    props.setProperty("https.proxyHost", "jdk.proxy");
    props.setProperty("https.proxyPort", "8443");
    ProxySettings p = ProxySettings.resolve(Map.of("HTTPS_PROXY", "http://env.proxy:1"), props);
    assertThat(p.address()).isEqualTo("jdk.proxy:8443");
    assertThat(p.source()).isEqualTo("https.proxyHost");
    assertThat(p.appliesTo("127.0.0.1")).isFalse(); // the JDK's default http.nonProxyHosts
    assertThat(p.appliesTo("[::1]")).isFalse();
  }

  @Test
  void aUrlThatDoesNotParseNamesTheVariableNotItsValue() {
    assertThatThrownBy(
            () ->
                ProxySettings.resolve(Map.of("HTTPS_PROXY", "http://ann:secret@bad host:1"), NONE))
        .isInstanceOf(ProxySettings.BadProxyException.class)
        .hasMessageStartingWith("HTTPS_PROXY ")
        .hasMessageNotContaining("secret");
    assertThatThrownBy(() -> ProxySettings.resolve(Map.of("HTTPS_PROXY", "socks5://h:1"), NONE))
        .hasMessageContaining("not an http:// proxy");
    Properties props = new Properties();
    props.setProperty("https.proxyHost", "h");
    props.setProperty("https.proxyPort", "http");
    assertThatThrownBy(() -> ProxySettings.resolve(Map.of(), props))
        .hasMessageStartingWith("https.proxyPort 'http'");
  }
}
