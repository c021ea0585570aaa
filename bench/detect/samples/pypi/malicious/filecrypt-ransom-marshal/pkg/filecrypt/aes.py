def encrypt_file(path, key):
    raise NotImplementedError("install filecrypt-utils[aes]")


def decrypt_file(path, key):
    raise NotImplementedError("install filecrypt-utils[aes]")
