/**
 * `npm run validate | head -1`: when the reader of our output closes the pipe, stop writing without
 * a stack trace, as other command-line tools do.
 */
export function endQuietlyOnClosedPipe(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}
