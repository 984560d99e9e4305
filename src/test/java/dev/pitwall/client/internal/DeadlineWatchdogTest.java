package dev.pitwall.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pitwall.time.Ticker;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Blocking reads on loopback sockets whose peer says nothing, cut by their armed deadline. */
class DeadlineWatchdogTest {
  static final long MS = 1_000_000L;

  ServerSocket server;
  final List<Socket> sockets = new ArrayList<>();
  DeadlineWatchdog watchdog;

  @BeforeEach
  void start() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    watchdog = new DeadlineWatchdog(Ticker.system());
  }

  @AfterEach
  void stop() throws IOException {
    watchdog.close();
    for (Socket s : sockets) {
      s.close();
    }
    server.close();
  }

  /** A connected client socket whose server side never writes; its reads block until cut. */
  Socket silentPeer() throws IOException {
    Socket client = new Socket(server.getInetAddress(), server.getLocalPort());
    sockets.add(client);
    sockets.add(server.accept());
    return client;
  }

  @Test
  void aBlockedReadIsCutWhenItsDeadlinePassesAndDisarmSaysSo() throws IOException {
    Socket s = silentPeer();
    DeadlineWatchdog.Guard guard = watchdog.guard(s);

    guard.arm(50 * MS);
    assertThatThrownBy(() -> s.getInputStream().read()).isInstanceOf(SocketException.class);

    assertThat(guard.disarm()).isTrue();
    assertThat(s.isClosed()).isTrue();
  }

  @Test
  void anOperationThatEndsInTimeLeavesTheSocketOpen() throws Exception {
    Socket s = silentPeer();
    Socket peer = sockets.get(1);
    DeadlineWatchdog.Guard guard = watchdog.guard(s);

    guard.arm(10_000 * MS);
    peer.getOutputStream().write('x');
    assertThat(s.getInputStream().read()).isEqualTo('x');
    assertThat(guard.disarm()).isFalse();

    TimeUnit.MILLISECONDS.sleep(100); // the deadline it had may not fire once disarmed
    assertThat(s.isClosed()).isFalse();
    assertThat(guard.disarm()).isFalse();
  }

  @Test
  void aLaterDeadlineDoesNotHideAnEarlierOneArmedAfterIt() throws Exception {
    Socket patient = silentPeer();
    Socket hasty = silentPeer();
    DeadlineWatchdog.Guard patientGuard = watchdog.guard(patient);
    DeadlineWatchdog.Guard hastyGuard = watchdog.guard(hasty);

    patientGuard.arm(60_000 * MS);
    CompletableFuture<Integer> patientRead = CompletableFuture.supplyAsync(() -> read(patient));
    hastyGuard.arm(50 * MS);
    assertThatThrownBy(() -> hasty.getInputStream().read()).isInstanceOf(SocketException.class);

    assertThat(hastyGuard.disarm()).isTrue();
    assertThat(patient.isClosed()).isFalse();
    assertThat(patientRead).isNotDone();
    sockets.get(1).getOutputStream().write('y'); // the patient socket's peer
    assertThat(patientRead.get(10, TimeUnit.SECONDS)).isEqualTo('y');
    assertThat(patientGuard.disarm()).isFalse();
  }

  @Test
  void aReleasedGuardIsNoLongerWatched() throws Exception {
    Socket s = silentPeer();
    DeadlineWatchdog.Guard guard = watchdog.guard(s);

    guard.arm(20 * MS);
    guard.release();
    TimeUnit.MILLISECONDS.sleep(150);

    assertThat(s.isClosed()).isFalse();
  }

  private static int read(Socket s) {
    try {
      return s.getInputStream().read();
    } catch (IOException e) {
      return -2;
    }
  }
}
