/**
 * uvac's native base: the only module that links native code. Public: {@link io.uvac.sys.ErrnoException},
 * {@link io.uvac.sys.Errno}, {@link io.uvac.sys.Fd}. Bindings, wrappers and the spawn stub are for uvac's
 * own modules.
 */
module io.uvac.sys {
    exports io.uvac.sys;
    exports io.uvac.sys.raw to io.uvac.namespaces, io.uvac.cgroups, io.uvac.netlink, io.uvac.launcher;
    exports io.uvac.sys.internal to io.uvac.namespaces, io.uvac.cgroups, io.uvac.netlink, io.uvac.launcher;
    exports io.uvac.sys.spawn to io.uvac.namespaces, io.uvac.launcher;
    exports io.uvac.sys.pool to io.uvac.netlink, io.uvac.cgroups;
}
