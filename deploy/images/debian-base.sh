#!/usr/bin/env bash
# Builds a JVM base image for the services' Jib build from Debian packages alone — no Docker daemon, no
# container registry: Debian bookworm (debootstrap, variant minbase) with openjdk-17-jre-headless and
# ca-certificates, the user 185 (jboss, group 0, home /home/jboss, as in Red Hat's OpenJDK images), written as
# a Docker-archive tarball (manifest.json, the image config, one layer) that Jib reads with tar://.
#   deploy/images/debian-base.sh          -> deploy/images/target/debian-jre17-base.tar
#   ./mvnw package ... -Dquarkus.jib.base-jvm-image=tar://$PWD/deploy/images/target/debian-jre17-base.tar
# Needs root (debootstrap, chroot) and the Debian archive (debootstrap's default mirror, or
# JIXIAO_DEBIAN_MIRROR). Installs debootstrap with apt if it is missing.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/target/debian-jre17-base.tar"
say() { printf '[jixiao] %s\n' "$*"; }
die() { printf '[jixiao] %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || die "run as root (debootstrap needs it)"
if ! command -v debootstrap >/dev/null; then
  say "installing debootstrap"
  apt-get update -qq && apt-get install -y -qq debootstrap >/dev/null
fi

arch="$(dpkg --print-architecture)"
java_home="/usr/lib/jvm/java-17-openjdk-$arch"
work="$(mktemp -d)"
rootfs="$work/rootfs"
trap 'if mountpoint -q "$rootfs/proc"; then umount "$rootfs/proc"; fi; rm -rf --one-file-system "$work"' EXIT
mkdir -p "$work/image" "$here/target"

say "debootstrap bookworm ($arch, minbase) into $rootfs"
# shellcheck disable=SC2086 # the mirror is an optional trailing argument
debootstrap --variant=minbase --arch="$arch" --include=openjdk-17-jre-headless,ca-certificates \
  bookworm "$rootfs" ${JIXIAO_DEBIAN_MIRROR:-} >"$work/debootstrap.log" 2>&1 \
  || { tail -20 "$work/debootstrap.log" >&2; die "debootstrap failed"; }

if [ ! -x "$rootfs$java_home/bin/java" ] || [ ! -L "$rootfs/usr/bin/java" ]; then
  die "no $java_home/bin/java or /usr/bin/java in the image"
fi
mount -t proc proc "$rootfs/proc" # the java launcher finds its libraries through /proc/self/exe
java="$(chroot "$rootfs" java -version 2>&1 | head -1)" || die "java does not run in the image: $java"
umount "$rootfs/proc"
chroot "$rootfs" useradd --system --uid 185 --gid 0 --home-dir /home/jboss --create-home --shell /usr/sbin/nologin jboss
install -d -o 185 -g 0 -m 0775 "$rootfs/deployments"
chroot "$rootfs" apt-get clean
# apt's caches and lists, logs, documentation (the copyright files stay), translations, device nodes
(cd "$rootfs" && rm -rf var/lib/apt/lists/* var/cache/apt/* var/cache/debconf/*-old var/log/* \
  usr/share/man/* usr/share/info/* dev/* proc/* sys/* tmp/* run/* \
  && find usr/share/doc -mindepth 1 ! -type d ! -name copyright -delete \
  && find usr/share/locale -mindepth 1 -maxdepth 1 -type d -exec rm -rf {} +)

say "writing the image"
tar --numeric-owner --xattrs -C "$rootfs" -cf "$work/image/layer.tar" .
# the image config (its file named by its digest) and manifest.json, as `docker save` writes them
config="$(python3 - "$work/image" "$arch" "$java_home" <<'PY'
import hashlib, json, os, sys, time
image, arch, java_home = sys.argv[1:]
layer = hashlib.sha256()
with open(os.path.join(image, "layer.tar"), "rb") as f:
    for chunk in iter(lambda: f.read(1 << 20), b""):
        layer.update(chunk)
created = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
config = {
    "architecture": arch, "os": "linux", "created": created,
    "config": {
        "Env": ["JAVA_HOME=" + java_home,
                "PATH=" + java_home + "/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                "LANG=C.UTF-8"],
        "User": "185", "WorkingDir": "/deployments",
    },
    "rootfs": {"type": "layers", "diff_ids": ["sha256:" + layer.hexdigest()]},
    "history": [{"created": created, "created_by": "deploy/images/debian-base.sh: debootstrap bookworm minbase, "
                                                   "openjdk-17-jre-headless, ca-certificates, user 185"}],
}
data = json.dumps(config, indent=1).encode()
name = hashlib.sha256(data).hexdigest() + ".json"
with open(os.path.join(image, name), "wb") as f:
    f.write(data)
with open(os.path.join(image, "manifest.json"), "w") as f:
    json.dump([{"Config": name, "RepoTags": ["jixiao/debian-jre17-base:bookworm"], "Layers": ["layer.tar"]}], f)
print(name)
PY
)"
tar -C "$work/image" -cf "$out" manifest.json "$config" layer.tar
say "$out: $(du -m "$out" | cut -f1) MiB, $java"
