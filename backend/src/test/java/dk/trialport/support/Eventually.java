package dk.trialport.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for what background workers (indexer, matcher, mail) do, up to a minute. */
public final class Eventually {

  private Eventually() {}

  /** Returns once the condition holds; fails naming {@code what} after 60 seconds. */
  public static void await(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting: " + what);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
