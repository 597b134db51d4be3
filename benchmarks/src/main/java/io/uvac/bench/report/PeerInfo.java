package io.uvac.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One line of peers.tsv written by {@code PeerCheck}: whether the peer ran here, its version, and why not. */
public record PeerInfo(String id, boolean ok, String version, String note) {

    public static List<PeerInfo> read(Path tsv) throws IOException {
        List<PeerInfo> out = new ArrayList<>();
        if (!Files.exists(tsv)) return out;
        for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            String[] f = line.split("\t", -1);
            out.add(new PeerInfo(f[0], f.length > 1 && f[1].equals("ok"), f.length > 2 ? f[2] : "", f.length > 3 ? f[3] : ""));
        }
        return out;
    }
}
