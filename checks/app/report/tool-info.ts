/** Where people learn about the tool (SARIF tool.driver.informationUri). Change with the project's public home. */
export const INFORMATION_URI = 'https://www.xjbt.gov.cn/';
