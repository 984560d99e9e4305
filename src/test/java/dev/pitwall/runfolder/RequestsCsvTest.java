package dev.pitwall.runfolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pitwall.metrics.CallRecord;
import dev.pitwall.report.ReportFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestsCsvTest {
  @TempDir Path dir;

  private Path write(List<CallRecord> records) throws IOException {
    Path file = dir.resolve("requests.csv");
    try (RequestsCsvWriter csv = RequestsCsvWriter.open(file)) {
      records.forEach(csv::accept);
    }
    return file;
  }

  /** What a record looks like after a round trip: messages are kept on one line. */
  private static CallRecord flattened(CallRecord r) {
    return r.errorMessage() == null ? r : r.withErrorMessage(r.errorMessage().replace('\n', ' '));
  }

  @Test
  void aRowReachesTheFileAtOnceWhenRowsAreSparseAndWithinAWindowWhenTheyCrowd() throws IOException {
    Path file = dir.resolve("requests.csv");
    long[] now = {0};
    List<Runnable> deferred = new ArrayList<>();
    List<CallRecord> records = ReportFixtures.run().records();
    try (RequestsCsvWriter csv =
        RequestsCsvWriter.open(
            file,
            dev.pitwall.metrics.ProviderNames.NONE,
            () -> now[0],
            (task, delay) -> {
              assertThat(delay).isEqualTo(RequestsCsvWriter.FLUSH_WITHIN_NANOS);
              deferred.add(task);
            })) {
      csv.accept(records.get(0));
      assertThat(Files.readAllLines(file)).hasSize(2); // header and the first row, at once
      now[0] += 1_000_000;
      csv.accept(records.get(1)); // 1 ms after a flush: held, with a flush due one window later
      csv.accept(records.get(2)); // the flush already due covers it too
      assertThat(Files.readAllLines(file)).hasSize(2);
      assertThat(deferred).hasSize(1);
      deferred.remove(0).run();
      assertThat(Files.readAllLines(file)).hasSize(4);
      now[0] += RequestsCsvWriter.FLUSH_WITHIN_NANOS;
      csv.accept(records.get(3)); // a window after the last flush: at once
      assertThat(Files.readAllLines(file)).hasSize(5);
      assertThat(deferred).isEmpty();
      now[0] += 1;
      csv.accept(records.get(4)); // held, and written by close
    }
    assertThat(Files.readAllLines(file)).hasSize(6);
  }

  @Test
  void roundTripsEveryRecordExactly() throws IOException {
    List<CallRecord> records = ReportFixtures.run().records();
    RequestsCsvReader.Result read = RequestsCsvReader.read(write(records));
    assertThat(read.warnings()).isEmpty();
    assertThat(read.records())
        .containsExactlyElementsOf(records.stream().map(RequestsCsvTest::flattened).toList());
  }

  @Test
  void everyLineIsWhatCommonsCsvPrintsForItsCells() throws IOException {
    List<CallRecord> records = new ArrayList<>(ReportFixtures.run().records());
    CallRecord first = records.get(0);
    records.add(
        first.toBuilder()
            .errorMessage("upstream said \"no\", twice,\nthen hung up ")
            .servedProvider(" Spaced, Inc.")
            .nonce("#1")
            .wallStartEpochMs(1_767_225_600_000L) // on the second: no fraction
            .build());
    records.add(first.toBuilder().wallStartEpochMs(1_767_225_600_007L).byok(false).build());
    List<String> lines = Files.readAllLines(write(records));
    for (String line : lines) {
      List<String> cells =
          CSVParser.parse(line, RequestsCsvWriter.FORMAT).getRecords().get(0).toList();
      StringBuilder reprinted = new StringBuilder();
      try (CSVPrinter printer = new CSVPrinter(reprinted, RequestsCsvWriter.FORMAT)) {
        printer.printRecord(cells);
      }
      assertThat(line + "\n").isEqualTo(reprinted.toString());
    }
    String[] last = lines.get(lines.size() - 1).split(",", -1);
    assertThat(last[RequestsColumns.ALL.indexOf("wall_start")])
        .isEqualTo("2026-01-01T00:00:00.007Z");
    assertThat(lines.get(lines.size() - 2))
        .contains(",2026-01-01T00:00:00Z,")
        .contains("\"upstream said \"\"no\"\", twice, then hung up \"");
  }

  @Test
  void roundTripsByokAndOpenRoutersGenerationTimes() throws IOException {
    CallRecord byok =
        ReportFixtures.run().records().get(0).toBuilder()
            .byok(true)
            .generationStats(1250.0, 1200.5)
            .build();
    Path file = write(List.of(byok));
    assertThat(Files.readAllLines(file).get(1)).endsWith(",true,1250.0,1200.5");
    assertThat(RequestsCsvReader.read(file).records()).containsExactly(byok);
  }

  @Test
  void headerHasTheDocumentedColumnsAndRowsStayOnOneLine() throws IOException {
    List<CallRecord> records = ReportFixtures.run().records();
    List<String> lines = Files.readAllLines(write(records));
    assertThat(lines.get(0))
        .startsWith("call_id,attempt,iteration,phase,cell_id,prompt_id,model,requested_provider,")
        .contains(
            "wall_start,t_sched_ms,t_call_sched_ms,t_send_ms,t_first_ms,t_answer_ms,t_last_ms")
        .contains(
            "ttft_ms,ttfa_ms,e2e_ms,call_e2e_ms,tpot_ms,output_tokens_per_s,dispatch_delay_ms")
        .endsWith(
            "token_source,cost_usd,nonce,connect_ms,tls_ms,is_byok,gen_latency_ms,gen_time_ms");
    assertThat(lines).hasSize(records.size() + 1);
  }

  @Test
  void writesAbsentValuesAsEmptyCellsAndIsoUtcTimes() throws IOException {
    CallRecord throttled = ReportFixtures.allThrottled().records().get(0);
    List<String> lines = Files.readAllLines(write(List.of(throttled)));
    String row = lines.get(1);
    assertThat(row).contains(",THROTTLED,429,").contains("2026-01-31T12:00:00");
    assertThat(row).contains(",,,"); // no t_first, t_answer, t_last
  }

  @Test
  void numbersDoNotFollowTheDefaultLocale() throws IOException {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      List<String> lines = Files.readAllLines(write(ReportFixtures.run().records()));
      String[] cells = lines.get(1).split(",", -1);
      assertThat(cells).hasSize(RequestsColumns.ALL.size());
      assertThat(cells[RequestsColumns.ALL.indexOf("t_send_ms")]).matches("\\d+\\.\\d{6}");
      assertThat(cells[RequestsColumns.ALL.indexOf("ttft_ms")]).matches("\\d+\\.\\d{3}");
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void manyThreadsAppendWholeRows() throws Exception {
    List<CallRecord> records = ReportFixtures.run().records();
    Path file = dir.resolve("requests.csv");
    int threads = 4;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (RequestsCsvWriter csv = RequestsCsvWriter.open(file)) {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < 25; i++) {
                    records.forEach(csv::accept);
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    RequestsCsvReader.Result read = RequestsCsvReader.read(file);
    assertThat(read.warnings()).isEmpty();
    assertThat(read.records()).hasSize(threads * 25 * records.size());
  }

  @Test
  void aRowAfterCloseIsAnErrorNotASilentLoss() throws IOException {
    RequestsCsvWriter csv = RequestsCsvWriter.open(dir.resolve("requests.csv"));
    csv.close();
    assertThatThrownBy(() -> csv.accept(ReportFixtures.run().records().get(0)))
        .isInstanceOf(java.io.UncheckedIOException.class)
        .hasMessageContaining("requests.csv");
  }

  @Test
  void rowsAreOnDiskBeforeClose() throws IOException {
    Path file = dir.resolve("requests.csv");
    try (RequestsCsvWriter csv = RequestsCsvWriter.open(file)) {
      csv.accept(ReportFixtures.run().records().get(0));
      assertThat(Files.readAllLines(file)).hasSize(2);
    }
  }

  @Test
  void badLinesBecomeWarningsWithTheirLineNumbers() throws IOException {
    Path file = write(ReportFixtures.run().records().subList(0, 5));
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    lines.set(2, lines.get(2).replaceFirst(",WARMUP,", ",WARMPU,"));
    lines.set(4, lines.get(4).replace("2026-01-31T", "31/01/2026 "));
    String last = lines.remove(lines.size() - 1);
    String text = String.join("\n", lines) + "\n" + last.substring(0, last.length() / 3);
    Files.writeString(file, text, StandardCharsets.UTF_8);

    RequestsCsvReader.Result read = RequestsCsvReader.read(file);

    assertThat(read.records()).hasSize(2);
    assertThat(read.warnings())
        .hasSize(3)
        .anySatisfy(w -> assertThat(w).startsWith("requests.csv line 3: phase 'WARMPU'"))
        .anySatisfy(w -> assertThat(w).startsWith("requests.csv line 5: wall_start"))
        .anySatisfy(w -> assertThat(w).startsWith("requests.csv line 6: has "));
  }

  @Test
  void aForeignFileIsRejectedWithTheMissingColumns() throws IOException {
    Path file = dir.resolve("requests.csv");
    Files.writeString(file, "a,b,c\n1,2,3\n");
    assertThatThrownBy(() -> RequestsCsvReader.read(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("requests.csv line 1: the header lacks call_id");
  }
}
