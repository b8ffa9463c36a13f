export {
  CHANNEL_PARAM_VALUE,
  ChannelTemplateError,
  formatChannelName,
  isValidChannelParamValue,
  matchChannelTemplate,
  parseChannelTemplate,
} from "./channel-template";
export type { ChannelParams, ChannelTemplate, TemplateParamNames, TemplateSegment } from "./channel-template";
