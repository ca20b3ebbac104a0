// The integration tests run the app on Linux with Debian's ffmpeg and nginx, and check Unix file modes.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
