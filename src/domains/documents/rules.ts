import { defineRule } from '../../kernel/rules';

/**
 * Rules of 公文运转管理制度 (DOC), the 公开属性 rules of 政务信息公开管理制度 (DISC) and
 * 涉密信息不上网 (SEC-23), as catalogued in ../shared/spec/E-documents.md. The checks that use
 * them are pure functions in checks.ts and signer.ts.
 */
const DOCF = '公文运转管理制度';
const GIP = '政务信息公开管理制度';

export const DISC01 = defineRule({ id: 'DISC-01', cite: '《政务信息公开管理制度》一（一）（三）；《公文运转管理制度》第五条（五）', regulation: GIP, enforcement: 'enforce',
  text: '每件公文须在制作过程中同步确定公开属性（主动公开、依申请公开或不予公开），未确定的不得送审、编号、印制。' });
export const DISC02 = defineRule({ id: 'DISC-02', cite: '《政务信息公开管理制度》一（四）；《公文运转管理制度》第六条', regulation: GIP, enforcement: 'enforce',
  text: '无标识公开属性的公文，应退回承办科室重新办理（退回原因 NO_DISCLOSURE_ATTRIBUTE）。' });
export const DISC03 = defineRule({ id: 'DISC-03', cite: '《政务信息公开管理制度》一（三）1、3', regulation: GIP, enforcement: 'enforce',
  text: '公开属性只能为主动公开、依申请公开、不予公开之一；“不公开”按“不予公开”保存，不存在“部分公开”。' });
export const DISC04 = defineRule({ id: 'DISC-04', cite: '《公文运转管理制度》第五条（五）；《政务信息公开管理制度》六（四）', regulation: GIP, enforcement: 'enforce',
  text: '拟不予公开的，要依法依规说明理由（理由代码和文字说明）。' });
export const DISC05 = defineRule({ id: 'DISC-05', cite: '《政务信息公开管理制度》一（三）1、二（二）1', regulation: GIP, enforcement: 'enforce',
  text: '涉及国家秘密、工作秘密的公文，应确定为不予公开。' });
export const DISC06 = defineRule({ id: 'DISC-06', cite: '《政务信息公开管理制度》一（三）1', regulation: GIP, enforcement: 'warn',
  text: '报上级机关的请示和报告、征求或答复意见的公文，建议确定为不予公开；选择其他属性时提示。' });
export const DISC07 = defineRule({ id: 'DISC-07', cite: '《政务信息公开管理制度》一（三）2', regulation: GIP, enforcement: 'warn',
  text: '转发类公文须先登记被转发文件的公开属性，原则上与其一致；改变属性须说明理由；被转发文件未标注的，应重新确定。' });
export const DISC08 = defineRule({ id: 'DISC-08', cite: '《政务信息公开管理制度》一（三）3', regulation: GIP, enforcement: 'enforce',
  text: '确定为主动公开的公文，不可夹带依申请公开和不予公开的内容；综合科审核时须确认无夹带。' });

export const DOC02 = defineRule({ id: 'DOC-02', cite: '《公文运转管理制度》第四条', regulation: DOCF, enforcement: 'record',
  text: '发文办理包括起草、会签、审核、签发等环节，各环节记录办理人和时间。' });
export const DOC03 = defineRule({ id: 'DOC-03', cite: '《公文运转管理制度》第五条', regulation: DOCF, enforcement: 'enforce',
  text: '文稿须经起草科室负责人审核、分管主任审阅后方可签发。' });
export const DOC04 = defineRule({ id: 'DOC-04', cite: '《公文运转管理制度》第五条（四）、第六条', regulation: DOCF, enforcement: 'enforce',
  text: '文种正确，格式规范，要素齐全：标题、主送机关、正文、发文机关名义；有附件的列明附件。' });
export const DOC05 = defineRule({ id: 'DOC-05', cite: '《公文运转管理制度》第五条（五）', regulation: DOCF, enforcement: 'enforce',
  text: '文稿须注明公开属性；主动公开的注明公开方式，不予公开的说明理由。' });
export const DOC06 = defineRule({ id: 'DOC-06', cite: '《公文运转管理制度》第六条', regulation: DOCF, enforcement: 'enforce',
  text: '综合科审核发文种类、文件内容、文字表述、体例格式和公开属性，逐项记录结果；有一项不合格即退回承办科室。' });
export const DOC07 = defineRule({ id: 'DOC-07', cite: '《公文运转管理制度》第六条', regulation: DOCF, enforcement: 'enforce',
  text: '未经办综合科审核的公文，不得呈报办领导签发。' });
export const DOC08 = defineRule({ id: 'DOC-08', cite: '《公文运转管理制度》第七条（一）', regulation: DOCF, enforcement: 'enforce',
  text: '以党组名义制发的公文，由党组书记签发。' });
export const DOC09 = defineRule({ id: 'DOC-09', cite: '《公文运转管理制度》第七条（二）', regulation: DOCF, enforcement: 'enforce',
  text: '以市扶贫办名义制发的上行文，由主任签发。' });
export const DOC10 = defineRule({ id: 'DOC-10', cite: '《公文运转管理制度》第七条（三）', regulation: DOCF, enforcement: 'enforce',
  text: '以市扶贫办名义制发的平行文、下行文，由分管办领导签发；重要的报请主任签发（CONF-116）；特殊要求由其他办领导签发的须说明理由。' });
export const DOC11 = defineRule({ id: 'DOC-11', cite: '《公文运转管理制度》第七条（四）', regulation: DOCF, enforcement: 'enforce',
  text: '会签文、联合发文按对等原则签发：对方正职签发的由主任签发，对方副职签发的由副主任（或主任）签发。' });
export const DOC12 = defineRule({ id: 'DOC-12', cite: '《公文运转管理制度》第七条', regulation: DOCF, enforcement: 'enforce',
  text: '公文应当经市扶贫办负责人（办领导）审批签发；科长及以下人员不得签发。以综合科名义制发的由分管综合科的办领导签发。' });
export const DOC13 = defineRule({ id: 'DOC-13', cite: '《公文运转管理制度》第八条', regulation: DOCF, enforcement: 'warn',
  text: '非紧急公文应为领导审签预留至少2个工作日；特急、加急件预留合理时间。',
  params: { minWorkingDays: { value: 2, label: '非紧急公文预留审签时间', unit: '个工作日' } } });
export const DOC14 = defineRule({ id: 'DOC-14', cite: '《公文运转管理制度》第九条', regulation: DOCF, enforcement: 'enforce',
  text: '发文机关名义为中共白城市扶贫办党组、白城市扶贫办、白城市扶贫办综合科。',
  params: {
    issuerParty: { value: '中共白城市扶贫开发办公室党组文件', label: '党组文件版头', demo: true },
    issuerOffice: { value: '白城市扶贫开发办公室文件', label: '办文件版头', demo: true },
    issuerGeneral: { value: '白城市扶贫开发办公室综合科', label: '综合科版头', demo: true },
    signatureParty: { value: '中共白城市扶贫开发办公室党组', label: '党组署名', demo: true },
    signatureOffice: { value: '白城市扶贫开发办公室', label: '办署名', demo: true },
    signatureGeneral: { value: '白城市扶贫开发办公室综合科', label: '综合科署名', demo: true },
  } });
export const DOC15 = defineRule({ id: 'DOC-15', cite: '《公文运转管理制度》第十条', regulation: DOCF, enforcement: 'enforce',
  text: '公文签发后由综合科统一编号、登记；未签发的不得编号。' });
export const DOC16 = defineRule({ id: 'DOC-16', cite: '《公文运转管理制度》第十条', regulation: DOCF, enforcement: 'enforce',
  text: '编号前检查审签手续是否完备、附件是否齐全、手签稿与电子文本是否一致；签发后修改正文的，签发失效。' });
export const DOC17 = defineRule({ id: 'DOC-17', cite: '《公文运转管理制度》第十条、第十四条', regulation: DOCF, enforcement: 'compute',
  text: '发文字号按发文机关名义分年度连续编号（机关代字〔年份〕序号号），唯一、不空号、不重号、不变更。',
  params: {
    prefixParty: { value: '白扶党组发', label: '党组发文代字', demo: true },
    prefixOffice: { value: '白扶办发', label: '办发文代字', demo: true },
    prefixGeneral: { value: '白扶综发', label: '综合科发文代字', demo: true },
  } });
export const DOC18 = defineRule({ id: 'DOC-18', cite: '《公文运转管理制度》第十一条', regulation: DOCF, enforcement: 'enforce',
  text: '印制的公文须标明公开属性（此件主动公开 / 此件依申请公开 / 此件不予公开）。' });
export const DOC21 = defineRule({ id: 'DOC-21', cite: '《公文运转管理制度》第十四条', regulation: DOCF, enforcement: 'enforce',
  text: '已印发公文有误需重印的，经综合科审核；重大修改的须经原签发人重新签发；重印沿用原发文字号。' });
export const SEC23 = defineRule({ id: 'SEC-23', cite: '《涉密安全管理制度》二（三）1、三（八）', regulation: '涉密安全管理制度', enforcement: 'enforce',
  text: '涉密信息不上网，上网信息不涉密：标有密级（秘密、机密、绝密）的文件不得录入、上传本系统，纸质涉密文件按保密规定办理。' });
