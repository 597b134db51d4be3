/**
 * Namespaces, mounts and spawning: {@link io.uvac.namespaces.ContainerSpec} to
 * {@link io.uvac.namespaces.ContainerProcess}. Usable without uvac's cgroup or netlink modules.
 */
module io.uvac.namespaces {
    requires transitive io.uvac.sys;
    exports io.uvac.namespaces;
}
