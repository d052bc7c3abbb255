package io.netimpact.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.model.ServiceClasses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassesReaderTest {
  @TempDir
  Path dir;

  private ServiceClasses read(String json) throws IOException {
    Files.writeString(dir.resolve("classes.json"), json);
    return ClassesReader.read(new Configuration(), new org.apache.hadoop.fs.Path(dir.toString()));
  }

  private List<InputProblem> problems(String json) {
    return assertThrows(BadInputException.class, () -> read(json)).problems();
  }

  @Test
  void missingFile_meansNoClasses() {
    ServiceClasses c = ClassesReader.read(new Configuration(),
        new org.apache.hadoop.fs.Path(dir.toString()));
    assertSame(ServiceClasses.NONE, c);
    assertFalse(c.present());
    assertEquals(1, c.count());
  }

  @Test
  void contractExample_isServedInPriorityOrderWithTheTrailingClassLast() throws IOException {
    ServiceClasses c = read("""
        [{"class": "bronze", "priority": 2}, {"class": "gold", "priority": 0, "protected": true},
         {"class": "silver", "priority": 1}]""");
    assertTrue(c.present());
    assertEquals(4, c.count());
    assertEquals(List.of("gold", "silver", "bronze", ServiceClasses.UNLISTED),
        List.of(c.name(0), c.name(1), c.name(2), c.name(3)));
    assertTrue(c.isProtected(0));
    assertFalse(c.isProtected(1));
    assertFalse(c.isProtected(3));
    assertEquals(1, c.indexOf("silver"));
    assertEquals(3, c.indexOf(""));
    assertEquals(3, c.indexOf("platinum"));
  }

  @Test
  void emptyList_isOneUnprotectedClass() throws IOException {
    ServiceClasses c = read("[]");
    assertTrue(c.present());
    assertEquals(1, c.count());
  }

  @Test
  void unknownKey_namesRecordAndFieldWithTheClosestName() {
    InputProblem p = problems("[{\"class\":\"gold\",\"priority\":0,\"protect\":true}]").get(0);
    assertEquals("record 1", p.location());
    assertEquals("protect", p.field());
    assertTrue(p.message().contains("did you mean \"protected\""), p.message());
    assertTrue(p.file().endsWith("classes.json"), p.file());
  }

  @Test
  void duplicateClass_namesBothRecords() {
    InputProblem p = problems("[{\"class\":\"gold\",\"priority\":0},"
        + "{\"class\":\"gold\",\"priority\":1}]").get(0);
    assertEquals("record 2", p.location());
    assertEquals("class", p.field());
    assertTrue(p.message().contains("record 1"), p.message());
  }

  @Test
  void sharedPriority_isRefused() {
    InputProblem p = problems("[{\"class\":\"gold\",\"priority\":0},"
        + "{\"class\":\"silver\",\"priority\":0}]").get(0);
    assertEquals("record 2", p.location());
    assertEquals("priority", p.field());
  }

  @Test
  void negativeFractionalOrMissingPriority_areAllReportedAtOnce() {
    List<InputProblem> ps = problems("[{\"class\":\"a\",\"priority\":-1},"
        + "{\"class\":\"b\",\"priority\":1.5},{\"class\":\"c\"},{\"priority\":4}]");
    assertEquals(4, ps.size());
    assertEquals(List.of("priority", "priority", "priority", "class"),
        ps.stream().map(InputProblem::field).toList());
    assertEquals("record 4", ps.get(3).location());
  }

  @Test
  void notAnArray_isRefused() {
    InputProblem p = problems("{\"class\":\"gold\"}").get(0);
    assertTrue(p.message().contains("JSON array"), p.message());
  }

  @Test
  void malformedJson_namesTheLine() {
    InputProblem p = problems("[\n{\"class\":\"gold\",\n\"priority\":0,}]").get(0);
    assertTrue(p.location().startsWith("line"), p.toString());
  }
}
