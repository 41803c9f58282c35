import type { Command } from 'commander';
import { buildApp } from '../../server/app.ts';
import { ConfigError, loadConfig } from '../../server/config.ts';
import { UsageError } from '../exit.ts';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('启动服务（API 与网页）；配置见 .env.example')
    .option('--port <port>', '监听端口（默认取环境变量 PORT，或 8080）')
    .action(async (options: { port?: string }) => {
      let config: ReturnType<typeof loadConfig>;
      try {
        config = loadConfig({ ...process.env, ...(options.port ? { PORT: options.port } : {}) });
      } catch (error) {
        if (error instanceof ConfigError) throw new UsageError(error.message);
        throw error;
      }
      const app = await buildApp({ config, logger: true });
      const stop = async () => {
        await app.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      await app.listen({ port: config.port, host: config.host });
      process.stdout.write(
        `gongkai 已启动：http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}/  （API 文档：/api/docs）\n`,
      );
    });
}
