/** uva_container: the two-recorder demo and a general container runner, composed from uvac's libraries. */
module io.uvac.launcher {
    requires io.uvac.sys;
    requires io.uvac.namespaces;
    requires io.uvac.netlink;
    requires io.uvac.cgroups;
    requires info.picocli;
    requires jdk.unsupported; // sun.misc.Signal: SIGINT/SIGTERM start an orderly stop that exits 0
    opens io.uvac.launcher to info.picocli;
    opens io.uvac.launcher.demo to info.picocli;
    opens io.uvac.launcher.run to info.picocli;
}
