package uk.probation.gate.infra.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.jwk.RSAKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RSA signing key, kept in a JSON file so tokens stay valid when the server restarts. The file is readable and
 * writable by its owner only (600) from the moment it exists, and a directory the server creates for it is 700. An
 * existing key file that others could read is tightened to 600 before it is used (and the start refused if that is
 * not possible).
 */
final class SigningKeyFile {

    static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private static final Logger log = LoggerFactory.getLogger(SigningKeyFile.class);

    private SigningKeyFile() {
    }

    static RSAKey loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                restrictExisting(file);
                return RSAKey.parse(Files.readString(file));
            }
            RSAKey key = generate();
            createDirectories(file.toAbsolutePath().getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(partial);
            createOwnerOnly(partial);
            Files.writeString(partial, key.toJSONString(), StandardOpenOption.TRUNCATE_EXISTING);
            // rename last, so a crash never leaves a half-written key behind (the rename keeps the permissions)
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write signing key " + file, e);
        } catch (ParseException e) {
            throw new IllegalStateException("signing key file " + file + " is not a JWK; delete it to make a new one", e);
        }
    }

    /** Creates the missing directories one level at a time, each 700: nobody else lists or enters them. */
    private static void createDirectories(Path directory) throws IOException {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path dir = directory; dir != null && !Files.exists(dir); dir = dir.getParent()) {
            missing.push(dir);
        }
        while (!missing.isEmpty()) {
            Path dir = missing.pop();
            if (posix(dir)) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
                // the umask may have taken bits away, never added them; set exactly 700 anyway
                Files.setPosixFilePermissions(dir, OWNER_ONLY_DIRECTORY);
            } else {
                Files.createDirectory(dir);
            }
        }
    }

    /** Created with 600 (not written and then restricted), so the key is never readable by others. */
    private static void createOwnerOnly(Path file) throws IOException {
        if (posix(file.toAbsolutePath().getParent())) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
            Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
        } else {
            // Windows: the file gets the directory's default access control
            Files.createFile(file);
        }
    }

    private static void restrictExisting(Path file) throws IOException {
        if (!posix(file)) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (permissions.equals(OWNER_ONLY_FILE)) {
            return;
        }
        try {
            Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
        } catch (IOException e) {
            throw new IllegalStateException("signing key file " + file + " is "
                    + PosixFilePermissions.toString(permissions) + " and cannot be made rw------- (owner only); "
                    + "fix its permissions or delete it to make a new one", e);
        }
        log.warn("signing key file {} was {}; made it rw------- (owner only)", file,
                PosixFilePermissions.toString(permissions));
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static RSAKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString())
                    .build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is always available", e);
        }
    }
}
