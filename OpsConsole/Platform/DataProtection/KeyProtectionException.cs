namespace OpsConsole.Platform.DataProtection;

/// <summary>The key-protection certificate cannot be read or made; the message is one line naming the setting to fix.</summary>
public sealed class KeyProtectionException(string message, Exception? inner = null) : Exception(message, inner);
