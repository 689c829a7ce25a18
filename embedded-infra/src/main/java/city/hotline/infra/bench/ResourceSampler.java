package city.hotline.infra.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Samples processes once a second from /proc: CPU (utime + stime), the part of it spent by the JIT
 * compiler's threads, and memory (VmRSS; VmHWM is the kernel's own lifetime peak). Processes come
 * from {@code HOTLINE_HOME/run/*.pid} plus any added by name (the load generator); a name may stand
 * for several pids in turn (one wrk per level).
 */
final class ResourceSampler implements AutoCloseable {
  /** USER_HZ: the unit of utime and stime; 100 on every Linux this runs on. */
  private static final double TICKS_PER_SECOND = 100.0;

  /** HotSpot's compiler threads ("C2 CompilerThre", "C1 CompilerThre"); they come and go while the JIT works. */
  private static final String COMPILER_THREAD = "C[12] CompilerThre.*";

  private static final class Process {
    final Map<Long, long[]> ticks = new ConcurrentHashMap<>(); // pid -> {first, last}
    final Map<Long, long[]> compilerTicks = new ConcurrentHashMap<>(); // thread id -> {first, last}
    long peakWindowTicks;
    long peakRssKb;
    long hwmKb;
  }

  private final Map<String, Process> processes = new ConcurrentHashMap<>();
  private final Map<String, Long> previousTotal = new ConcurrentHashMap<>();
  private final Thread thread;
  private final long startNanos = System.nanoTime();
  private volatile long endNanos;
  private volatile boolean running = true;

  ResourceSampler(Path home) {
    pidFiles(home).forEach(this::watch);
    watch("bench-harness", ProcessHandle.current().pid());
    sample();
    thread = new Thread(this::loop, "resource-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  void watch(String name, long pid) {
    Process process = processes.computeIfAbsent(name, n -> new Process());
    process.ticks.computeIfAbsent(pid, p -> {
      long t = cpuTicks(p);
      return new long[] {t < 0 ? 0 : t, t < 0 ? 0 : t};
    });
    // Compiler threads alive now count from here; one that starts later counts from its start.
    compilerThreadTicks(pid).forEach((tid, t) -> process.compilerTicks.putIfAbsent(tid, new long[] {t, t}));
  }

  private void loop() {
    while (running) {
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        return;
      }
      sample();
    }
  }

  private synchronized void sample() {
    processes.forEach((name, process) -> {
      long total = 0;
      for (Map.Entry<Long, long[]> entry : process.ticks.entrySet()) {
        long t = cpuTicks(entry.getKey());
        if (t >= 0) {
          entry.getValue()[1] = t;
        }
        total += entry.getValue()[1] - entry.getValue()[0];
        compilerThreadTicks(entry.getKey()).forEach((tid, compiling) ->
            process.compilerTicks.computeIfAbsent(tid, id -> new long[] {0, 0})[1] = compiling);
        long[] memory = memoryKb(entry.getKey());
        process.peakRssKb = Math.max(process.peakRssKb, memory[0]);
        process.hwmKb = Math.max(process.hwmKb, memory[1]);
      }
      Long before = previousTotal.put(name, total);
      if (before != null) {
        process.peakWindowTicks = Math.max(process.peakWindowTicks, total - before);
      }
    });
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    sample();
    endNanos = System.nanoTime();
  }

  /** A markdown table: average and peak-1-s CPU (% of one core), peak sampled RSS and the kernel's VmHWM. */
  String table() {
    return table(0, null);
  }

  /**
   * The same, with each process's CPU time per operation when {@code operations} is known: what one
   * registration costs each process whatever else shares the machine.
   */
  String table(long operations, String what) {
    double seconds = ((endNanos == 0 ? System.nanoTime() : endNanos) - startNanos) / 1e9;
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "Sampled every 1 s over %.0f s. CPU in %% of one core (200 %% = both cores).%n%n",
        seconds));
    String perOp = operations > 0 ? " CPU ms / registration |" : "";
    out.append("| process | CPU avg % | of it JIT compiling % | CPU peak 1 s % | peak RSS MB (sampled) | VmHWM MB (lifetime peak) |"
        + perOp + "\n");
    out.append("|---|---:|---:|---:|---:|---:|" + (operations > 0 ? "---:|" : "") + "\n");
    double sumPerOp = 0;
    double sumAvg = 0;
    long sumUsed = 0;
    long sumCompiling = 0;
    for (Map.Entry<String, Process> entry : new LinkedHashMap<>(processes).entrySet()) {
      Process p = entry.getValue();
      long used = p.ticks.values().stream().mapToLong(t -> t[1] - t[0]).sum();
      long compiling = p.compilerTicks.values().stream().mapToLong(t -> t[1] - t[0]).sum();
      sumUsed += used;
      sumCompiling += compiling;
      double avg = used / TICKS_PER_SECOND / seconds * 100;
      sumAvg += avg;
      double msPerOp = operations > 0 ? used / TICKS_PER_SECOND * 1000 / operations : 0;
      sumPerOp += msPerOp;
      out.append(String.format(Locale.ROOT, "| %s | %.0f | %s | %.0f | %.0f | %.0f |%s%n", entry.getKey(), avg,
          share(compiling, used), p.peakWindowTicks / TICKS_PER_SECOND * 100, p.peakRssKb / 1024.0, p.hwmKb / 1024.0,
          operations > 0 ? String.format(Locale.ROOT, " %.2f |", msPerOp) : ""));
    }
    out.append(String.format(Locale.ROOT, "| **all** | %.0f | %s | | | |%s%n", sumAvg, share(sumCompiling, sumUsed),
        operations > 0 ? String.format(Locale.ROOT, " **%.2f** |", sumPerOp) : ""));
    if (operations > 0) {
      out.append(String.format(Locale.ROOT, "%nCPU ms / registration: the process's CPU time over the %,d registrations "
          + "(%s). At %.2f ms of CPU for all processes together, 2 cores could do at most about %.0f a second.%n",
          operations, what, sumPerOp, 2000 / sumPerOp));
    }
    return out.toString();
  }

  private static String share(long part, long whole) {
    return whole == 0 ? "" : String.format(Locale.ROOT, "%.0f", 100.0 * part / whole);
  }

  static Map<String, Long> pidFiles(Path home) {
    Map<String, Long> pids = new java.util.TreeMap<>();
    Path run = home.resolve("run");
    try (var files = Files.list(run)) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".pid")).toList()) {
        List<String> lines = Files.readAllLines(file);
        String name = file.getFileName().toString().replaceAll("\\.pid$", "");
        pids.put(name, Long.parseLong(lines.get(0).trim()));
      }
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("cannot read the pid files under " + run + ": " + e, e);
    }
    return pids;
  }

  /** utime + stime of a process in clock ticks, or -1 once it has gone. */
  static long cpuTicks(long pid) {
    try {
      return ticks(Path.of("/proc", Long.toString(pid), "stat"));
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** utime + stime from a process's or a thread's stat file. */
  private static long ticks(Path stat) throws IOException {
    String text = Files.readString(stat);
    String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
    // after "pid (comm) ": field 3 (state) is index 0, so utime (14) is 11 and stime (15) is 12
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  /** utime + stime of each of the process's JIT compiler threads alive now, by thread id. */
  static Map<Long, Long> compilerThreadTicks(long pid) {
    Map<Long, Long> ticks = new java.util.HashMap<>();
    try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path task : tasks.toList()) {
        try {
          if (Files.readString(task.resolve("comm")).trim().matches(COMPILER_THREAD)) {
            ticks.put(Long.parseLong(task.getFileName().toString()), ticks(task.resolve("stat")));
          }
        } catch (IOException | RuntimeException e) {
          // the thread ended between listing and reading
        }
      }
    } catch (IOException | RuntimeException e) {
      // gone, or not a JVM
    }
    return ticks;
  }

  /** {VmRSS, VmHWM} in kB, zeros once the process has gone. */
  static long[] memoryKb(long pid) {
    long[] result = new long[2];
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          result[0] = kb(line);
        } else if (line.startsWith("VmHWM:")) {
          result[1] = kb(line);
        }
      }
    } catch (IOException | RuntimeException e) {
      // gone
    }
    return result;
  }

  private static long kb(String line) {
    List<String> parts = new ArrayList<>(List.of(line.trim().split("\\s+")));
    return Long.parseLong(parts.get(1));
  }
}
