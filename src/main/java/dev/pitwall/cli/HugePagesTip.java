package dev.pitwall.cli;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * The hint {@code pitwall simulate} prints when its JVM keeps the heap in small pages. On the
 * benchmark machine the simulator's token-timing tail was markedly lower with the heap in
 * transparent huge pages touched at start (docs/simulator.md, Huge pages for token timing; figures
 * in docs/performance.md); JVM flags cannot be set from inside, so the user is told once at start.
 */
final class HugePagesTip {
  static final String TEXT =
      "pitwall simulate: for token timing within 1 ms at p99, start the JVM with"
          + " -XX:+UseTransparentHugePages -XX:+AlwaysPreTouch (see docs/simulator.md, Huge pages for token timing)";

  private HugePagesTip() {}

  /** The tip for this JVM, or null when it does not apply. */
  static String forThisJvm() {
    return tip(System.getProperty("os.name", ""), hugePagesOption());
  }

  /**
   * @param hugePages the JVM's {@code UseTransparentHugePages}, or null when it has no such option
   * @return the tip, or null: only Linux has transparent huge pages
   */
  static String tip(String osName, Boolean hugePages) {
    return osName.startsWith("Linux") && Boolean.FALSE.equals(hugePages) ? TEXT : null;
  }

  private static Boolean hugePagesOption() {
    try {
      HotSpotDiagnosticMXBean bean =
          ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      return bean == null
          ? null
          : Boolean.valueOf(bean.getVMOption("UseTransparentHugePages").getValue());
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      return null; // not a HotSpot JVM, or the option is unknown to it
    }
  }
}
