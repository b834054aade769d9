#!/usr/bin/env python3
"""A tiny TCP → Unix-socket forwarder, so HTTP tools without Unix-socket support (schemathesis) reach the control
socket: `scripts/unix-forward.py 127.0.0.1:8765 /run/duban/control.sock`. Standard library only. Each TCP
connection gets its own Unix connection, so the daemon sees the forwarder's uid as the peer."""
import asyncio, sys

async def pipe(reader, writer):
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except (ConnectionError, asyncio.CancelledError):
        pass
    finally:
        try:
            writer.close()
        except Exception:
            pass

async def main(listen, socket_path):
    host, port = listen.rsplit(":", 1)

    async def handle(tcp_reader, tcp_writer):
        try:
            unix_reader, unix_writer = await asyncio.open_unix_connection(socket_path)
        except OSError:
            tcp_writer.close()
            return
        await asyncio.gather(pipe(tcp_reader, unix_writer), pipe(unix_reader, tcp_writer))

    server = await asyncio.start_server(handle, host, int(port))
    async with server:
        await server.serve_forever()

if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2]))
