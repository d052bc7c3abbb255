package io.netimpact.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

class ReadProgressTest {
  @Test
  void longReads_sayHowFarTheyGot_shortOnesStaySilent() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ReadProgress every = new ReadProgress("demands.jsonl", new PrintStream(bytes, true), 0);
    for (int i = 0; i < 3; i++) {
      every.record();
    }
    String text = bytes.toString();
    assertEquals(3, text.lines().count(), text);
    assertTrue(text.contains("netimpact: reading demands.jsonl: 3 records in"), text);

    ByteArrayOutputStream quiet = new ByteArrayOutputStream();
    ReadProgress standard = new ReadProgress("x", new PrintStream(quiet, true),
        ReadProgress.EVERY_NANOS);
    for (int i = 0; i < 100_000; i++) {
      standard.record();
    }
    assertEquals("", quiet.toString(), "a fast read prints nothing");
  }
}
