package io.uvac.bench.report;

import io.uvac.bench.report.Catalog.Group;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The results table: latencies per benchmark, uvac as ratios to each peer, heap sizes, targets, peers. */
public final class MarkdownReport {
    private final List<BenchResult> results;
    private final Map<String, BenchResult> byKey = new LinkedHashMap<>();
    private final List<PeerInfo> peers;
    private final RunInfo run;
    private final String chartFile;
    private String profile;

    public MarkdownReport(List<BenchResult> results, List<PeerInfo> peers, RunInfo run, String chartFile) {
        this.results = Catalog.ordered(results);
        for (BenchResult r : this.results) byKey.put(r.key(), r);
        this.peers = peers;
        this.run = run;
        this.chartFile = chartFile;
    }

    /** perf's summary from run-bench, quoted under "where the time goes". */
    public MarkdownReport withProfile(String perfSummary) {
        this.profile = perfSummary;
        return this;
    }

    public String render() {
        StringBuilder md = new StringBuilder();
        md.append("### Spawn latency, run of ").append(run.fact("date")).append("\n\n");
        md.append("Machine: ").append(run.machine()).append(". JDK: ").append(run.fact("jdk")).append(".  \n");
        md.append("Profile: ").append(run.fact("profile")).append(".  \n");
        md.append("A short profile on a shared 2-core machine: read the figures as ratios within this run, not as"
                + " absolute values; p99 of the slow peers rests on a few hundred samples.\n\n");
        latencies(md);
        ratios(md);
        heap(md);
        targets(md);
        peerTable(md);
        analysis(md);
        if (chartFile != null) md.append("![spawn latency distributions](").append(chartFile).append(")\n\n");
        md.append("Leak check (`ip -o link`, uvac cgroups, `/proc/mounts` before vs after): ")
                .append(run.fact("leak check")).append("\n");
        return md.toString();
    }

    private void latencies(StringBuilder md) {
        md.append("#### Latency in µs (JMH sample time)\n\n");
        md.append("| group | benchmark | samples | median | p90 | p99 |\n|---|---|---:|---:|---:|---:|\n");
        for (BenchResult r : results) {
            Catalog.Entry e = Catalog.entry(r.key());
            md.append("| ").append(e.group().title).append(" | ").append(e.label()).append(" | ").append(r.samples())
                    .append(" | ").append(Format.us(r.p50())).append(" | ").append(Format.us(r.p90()))
                    .append(" | ").append(Format.us(r.p99())).append(" |\n");
        }
        md.append('\n');
    }

    private List<BenchResult> measuredPeers() {
        List<BenchResult> out = new ArrayList<>();
        for (BenchResult r : results) if (Catalog.entry(r.key()).group() == Group.PEER) out.add(r);
        return out;
    }

    private void ratios(StringBuilder md) {
        List<BenchResult> ps = measuredPeers();
        if (ps.isEmpty()) return;
        md.append("#### uvac against each peer: peer median ÷ uvac median (how many times faster uvac is)\n\n");
        md.append("Peers are timed from `ProcessBuilder.start()` to `waitFor()`, so the spawn-to-exit rows compare like"
                + " with like; spawn-to-exec rows show how long the caller waits before its program runs.\n\n");
        md.append("| uvac | median µs |");
        for (BenchResult p : ps) md.append(' ').append(Catalog.peerId(p.key()).orElse(p.key())).append(" |");
        md.append("\n|---|---:|");
        md.append("---:|".repeat(ps.size())).append('\n');
        for (BenchResult r : results) {
            Group g = Catalog.entry(r.key()).group();
            if (g != Group.UVAC_EXEC && g != Group.UVAC_EXIT && g != Group.HEAP) continue;
            md.append("| ").append(g == Group.HEAP ? "spawn-to-exec, " : g == Group.UVAC_EXEC ? "spawn-to-exec " : "spawn-to-exit ")
                    .append(Catalog.entry(r.key()).label()).append(" | ").append(Format.us(r.p50())).append(" |");
            for (BenchResult p : ps) md.append(' ').append(Format.ratio(p.p50() / r.p50())).append(" |");
            md.append('\n');
        }
        md.append('\n');
    }

    private void heap(StringBuilder md) {
        List<BenchResult> hs = new ArrayList<>();
        for (BenchResult r : results) if (Catalog.entry(r.key()).group() == Group.HEAP) hs.add(r);
        if (hs.isEmpty()) return;
        md.append("#### Heap-size independence: spawn-to-exec from JVMs of different resident size\n\n");
        md.append("| heap (-Xms = -Xmx, pre-touched) | VmRSS of the fork | median µs | p90 | p99 | median ÷ 64 MB median |\n");
        md.append("|---|---:|---:|---:|---:|---:|\n");
        for (BenchResult r : hs) {
            String method = r.key().replaceFirst("\\[.*", "");
            BenchResult base = byKey.get(r.key().replace(method, "HeapSizeBench.heap64m"));
            Long rss = run.residentKiB().get(r.key());
            md.append("| ").append(Catalog.entry(r.key()).label()).append(" | ")
                    .append(rss == null ? "?" : String.format(java.util.Locale.ROOT, "%.0f MB", rss / 1024.0)).append(" | ")
                    .append(Format.us(r.p50())).append(" | ").append(Format.us(r.p90())).append(" | ").append(Format.us(r.p99()))
                    .append(" | ").append(base == null ? "-" : Format.ratio(r.p50() / base.p50())).append(" |\n");
        }
        String skipped = run.facts().get("heap skipped");
        if (skipped != null) md.append("\nNot run: ").append(skipped).append('\n');
        md.append('\n');
    }

    private void targets(StringBuilder md) {
        md.append("#### Targets\n\n| target | this run (medians) | verdict |\n|---|---|---|\n");
        for (Targets.Check c : Targets.evaluate(byKey))
            md.append("| ").append(c.target()).append(" | ").append(c.measured()).append(" | ").append(c.verdict()).append(" |\n");
        md.append('\n');
    }

    private void peerTable(StringBuilder md) {
        if (peers.isEmpty()) return;
        md.append("#### Peers\n\n| peer | version | measured | note |\n|---|---|---|---|\n");
        for (PeerInfo p : peers) {
            boolean measured = byKey.containsKey("PeerBench.spawnToExit[peer=" + p.id() + "]");
            md.append("| ").append(p.id()).append(" | ").append(p.version().replace("|", "\\|")).append(" | ")
                    .append(measured ? "yes" : p.ok() ? "no (excluded from this run)" : "no: cannot run here")
                    .append(" | ").append(p.note().replace("|", "\\|")).append(" |\n");
        }
        md.append('\n');
    }

    /** What dominates, from differences of medians in this run (a differential profile). */
    private void analysis(StringBuilder md) {
        BenchResult none = byKey.get("SpawnBench.spawnToExec[namespaces=none]");
        BenchResult net = byKey.get("SpawnBench.spawnToExec[namespaces=net]");
        BenchResult pid = byKey.get("SpawnBench.spawnToExec[namespaces=pid]");
        BenchResult five = byKey.get("SpawnBench.spawnToExec[namespaces=five]");
        if (none == null || net == null || five == null) return;
        md.append("#### Where the time goes (differences of medians in this run)\n\n");
        md.append("- clone3 + plan + execve with no new namespace: ").append(Format.us(none.p50())).append(" µs.\n");
        if (pid != null) md.append("- a pid namespace adds ").append(Format.us(pid.p50() - none.p50())).append(" µs.\n");
        md.append("- a network namespace adds ").append(Format.us(net.p50() - none.p50())).append(" µs, ")
                .append(String.format(java.util.Locale.ROOT, "%.0f%%", 100 * (net.p50() - none.p50()) / five.p50()))
                .append(" of the five-namespace spawn (").append(Format.us(five.p50())).append(" µs).\n");
        BenchResult create = byKey.get("PartsBench.netnsCreate");
        if (create != null) md.append("- an empty netns made ahead of time costs ").append(Format.us(create.p50()))
                .append(" µs on its own (thread start included): the cost a prepared pool moves off the spawn path.\n");
        BenchResult plan = byKey.get("PartsBench.planRendering");
        if (plan != null) md.append("- rendering the plan in Java: ").append(Format.us(plan.p50())).append(" µs.\n");
        BenchResult wiring = byKey.get("NetworkBench.vethAddressesRoute");
        if (wiring != null) md.append("- wiring a veth with addresses and a route into an empty netns: ").append(Format.us(wiring.p50()))
                .append(" µs (7 netlink requests, a socket opened inside the netns on a helper thread; (e) saves that thread by"
                        + " opening it on the thread that creates the namespace).\n");
        BenchResult cgroup = byKey.get("CgroupBench.createLimitDestroy");
        if (cgroup != null) md.append("- a cgroup with a memory limit, created, opened for the spawn and destroyed: ")
                .append(Format.us(cgroup.p50())).append(" µs (one directory per v1 hierarchy plus cgroup2 on this host).\n");
        BenchResult full = byKey.get(Targets.FULL_EXEC), pooled = byKey.get(Targets.POOL_EXEC);
        if (full != null && create != null && wiring != null && cgroup != null && five != null)
            md.append("- (e) to exec, ").append(Format.us(full.p50())).append(" µs, against its parts: netns ")
                    .append(Format.us(create.p50())).append(" + wiring ").append(Format.us(wiring.p50())).append(" + cgroup ")
                    .append(Format.us(cgroup.p50())).append(" + a spawn like (d) without its netns ")
                    .append(Format.us(Math.max(0, five.p50() - (net.p50() - none.p50())))).append(" = ")
                    .append(Format.us(create.p50() + wiring.p50() + cgroup.p50() + Math.max(0, five.p50() - (net.p50() - none.p50()))))
                    .append(" µs (the cgroup part includes its destroy, which (e) does after the timed call).\n");
        if (full != null && pooled != null)
            md.append("- the prepared pools take the full container from ").append(Format.us(full.p50())).append(" to ")
                    .append(Format.us(pooled.p50())).append(" µs to exec (").append(Format.ratio(full.p50() / pooled.p50()))
                    .append(" faster): netns creation, wiring and the group's creation leave the spawn path.\n");
        BenchResult newCgroup = byKey.get("FullContainerBench.spawnToExec[network=pool-new-cgroup]");
        if (pooled != null && newCgroup != null)
            md.append("- with the network from its pool but the group created in the call: ").append(Format.us(newCgroup.p50()))
                    .append(" µs; the group pool saves ").append(Format.us(newCgroup.p50() - pooled.p50())).append(" µs of it.\n");
        BenchResult noCgroup = byKey.get("FullContainerBench.spawnToExec[network=pool-no-cgroup]");
        if (pooled != null && noCgroup != null)
            md.append("- from the pool without any group the spawn takes ").append(Format.us(noCgroup.p50()))
                    .append(" µs: joining a ready group (the child's writes to each v1 cgroup.procs) costs ")
                    .append(Format.us(pooled.p50() - noCgroup.p50())).append(" µs of (f)'s ").append(Format.us(pooled.p50())).append(".\n");
        BenchResult oneNetns = byKey.get("FullContainerBench.spawnToExec[network=one-netns-no-cgroup]");
        if (noCgroup != null && oneNetns != null)
            md.append("- the same spawn into one long-lived netns takes ").append(Format.us(oneNetns.p50()))
                    .append(" µs: a fresh namespace per container (made by the pool, freed by the kernel after each exit)"
                            + " still costs the spawn ").append(Format.us(noCgroup.p50() - oneNetns.p50())).append(" µs.\n");
        BenchResult teardown = byKey.get("NetworkBench.teardown");
        if (teardown != null) md.append("- teardown, from the last reference to the netns until the host veth is gone: ")
                .append(Format.us(teardown.p50())).append(" µs (the kernel's cleanup_net worker; not on the spawn path).\n");
        md.append('\n');
        if (profile != null && !profile.isBlank())
            md.append("CPU profiles (perf, both CPUs):\n\n```\n").append(profile.strip()).append("\n```\n\n");
    }
}
