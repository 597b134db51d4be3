package io.uvac.namespaces;

import io.uvac.sys.raw.signal_h;

/** Signal names for messages. */
public final class Signals {
    private Signals() {}

    private static final String[] NAMES = new String[65];

    static {
        String[][] known = {{"HUP", "1"}, {"INT", "2"}, {"QUIT", "3"}, {"ILL", "4"}, {"TRAP", "5"}, {"ABRT", "6"},
            {"BUS", "7"}, {"FPE", "8"}, {"KILL", "9"}, {"USR1", "10"}, {"SEGV", "11"}, {"USR2", "12"},
            {"PIPE", "13"}, {"ALRM", "14"}, {"TERM", "15"}, {"CHLD", "17"}, {"CONT", "18"}, {"STOP", "19"},
            {"TSTP", "20"}, {"TTIN", "21"}, {"TTOU", "22"}, {"WINCH", "28"}};
        for (String[] k : known) NAMES[Integer.parseInt(k[1])] = "SIG" + k[0];
        assert NAMES[signal_h.SIGKILL].equals("SIGKILL");
    }

    public static String name(int signal) {
        return signal > 0 && signal < NAMES.length && NAMES[signal] != null ? NAMES[signal] : "signal " + signal;
    }
}
