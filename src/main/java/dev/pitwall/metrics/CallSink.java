package dev.pitwall.metrics;

/**
 * Receives each attempt as it ends. Implementations are called from many worker threads at once and
 * must be thread-safe; requests.csv's writer flushes on every record so a crash loses nothing.
 */
public interface CallSink extends AutoCloseable {
  void accept(CallRecord record);

  @Override
  default void close() throws java.io.IOException {}
}
