import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../../core/errors.ts';
import { type Letter, letterFor } from '../../../documents/letters/letter-content.ts';
import { letterInputFromApplication } from '../../../documents/letters/letter-input-from-application.ts';
import {
  renderLetterDocx,
  renderLetterHtml,
  renderLetterPdf,
} from '../../../documents/letters/render-letter.ts';
import { getApplicant, getApplication } from '../../../store/applications/applications.repository.ts';
import { getRegion } from '../../../store/organisation/organisation.repository.ts';
import { auditLetterGenerated } from '../../../use-cases/applications/audit-letter-generated.ts';
import { authorizeAgency } from '../../access/authorize-agency.ts';
import { sendDocumentFile } from '../../http/send-document-file.ts';
import { actorOf, requireUser } from '../../plugins/auth.ts';
import { currentMoment } from '../../plugins/clock.ts';
import { pdfPrinter } from '../../plugins/pdf-printer.ts';
import { applicationParams, errorResponses } from '../common.schema.ts';
import { letterFileName } from './letter-file.ts';
import {
  generateLetterBody,
  LETTER_MEDIA_TYPES,
  type LetterFormat,
  letterFileResponse,
} from './letters.schema.ts';

/** 告知书 for an application, filled from the application and the officer's free texts. */
export async function registerLetterRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const print = pdfPrinter(app);

  async function render(letter: Letter, format: LetterFormat, log: FastifyBaseLogger): Promise<Buffer> {
    switch (format) {
      case 'docx':
        return Buffer.from(await renderLetterDocx(letter));
      case 'pdf':
        return Buffer.from(await print((renderer) => renderLetterPdf(letter, renderer), log));
      case 'html':
        return Buffer.from(renderLetterHtml(letter), 'utf8');
    }
  }

  api.post(
    '/agencies/:agencyId/applications/:id/letters',
    {
      bodyLimit: 64 * 1024,
      schema: {
        tags: ['applications'],
        summary: '出具告知书（答复书、补正、延期、收费、征求第三方意见、延迟答复）：DOCX、PDF 或 HTML 文件',
        description:
          '案卷记录的内容（申请人、申请内容、收到日期、受理编号、办理结果、各步骤日期、延期后的答复期限、收费金额、第三方名称）均取自案卷；请求体只提供案卷没有的文字（获取方式、理由、补正事项、缴费方式……）。仅办理机关的经办人、审核人可以出具（文书含申请人个人信息）。案卷尚不能出具该文书时返回 409，缺少必填文字时返回 400。',
        params: applicationParams,
        body: generateLetterBody,
        response: { 200: letterFileResponse, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const { agencyId, id } = request.params;
      const { agency } = await authorizeAgency(app.db, user, agencyId, 'application', 'personal-data');
      const [application, applicant] = await Promise.all([
        getApplication(app.db, agencyId, id),
        getApplicant(app.db, agencyId, id),
      ]);
      if (!application || !applicant) throw new AppError('NOT_FOUND', '申请不存在');
      // The letter names the 行政复议机关 from the agency's region (and the region one level up).
      const region = await getRegion(app.db, agency.regionId);
      if (!region) throw new AppError('NOT_FOUND', '机关所属区域不存在');
      const parentRegion = region.parentId ? await getRegion(app.db, region.parentId) : null;
      const now = currentMoment(app);
      const body = request.body;
      // The body is the officer's LetterChoices plus the file format: passing it checks the schema against them.
      const { kind, input } = letterInputFromApplication(
        { application, applicantName: applicant.name, agency: { ...agency, region, parentRegion } },
        body,
        now.today,
      );
      const letter = letterFor(kind, input);
      const bytes = await render(letter, body.format, request.log);
      // Only what identifies the document: the letter itself holds the personal data.
      await auditLetterGenerated(
        app.db,
        { agencyId, id },
        { kind, format: body.format, documentNumber: letter.documentNumber, date: input.date },
        actorOf(user),
        now.at,
      );
      const fileName = letterFileName(letter.documentNumber, kind, body.format);
      return sendDocumentFile(reply, {
        bytes,
        mediaType: LETTER_MEDIA_TYPES[body.format],
        fileName,
        asciiName: `letter-${kind}-${application.trackingNumber}.${body.format}`,
        html: body.format === 'html',
        headers: { 'cache-control': 'no-store' },
      });
    },
  );
}
